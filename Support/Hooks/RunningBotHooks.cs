using Reqnroll;
using Reqnroll.BoDi;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.Support.Hooks;

/// <summary>Per @e2e scenario: the running bot's event log for failure reports, and a clean stop of bot, feed and database file.</summary>
[Binding]
public sealed class RunningBotHooks(RunningBotDriver bot, IObjectContainer scenarioContainer)
{
    [BeforeScenario("e2e")]
    public void RegisterDiagnostics() => scenarioContainer.RegisterInstanceAs<IScenarioDiagnostics>(bot, "running bot");

    [AfterScenario("e2e")]
    public Task StopTheBotAsync() => bot.DisposeAsync().AsTask();
}
