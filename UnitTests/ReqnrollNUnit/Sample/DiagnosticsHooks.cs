using Reqnroll;
using Reqnroll.BoDi;
using TradingBot.Acceptance.Support;

namespace TradingBot.Acceptance.Sample;

/// <summary>Registers the scenario's calculator log as its diagnostics, as the bot's drivers register the event log.</summary>
[Binding]
public sealed class DiagnosticsHooks(IObjectContainer scenarioContainer, CalculatorLog calculatorLog)
{
    [BeforeScenario]
    public void RegisterTheCalculatorLog() => scenarioContainer.RegisterInstanceAs<IScenarioDiagnostics>(calculatorLog, "calculator log");
}
