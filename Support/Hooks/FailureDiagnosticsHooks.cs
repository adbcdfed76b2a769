using Reqnroll;
using Reqnroll.BoDi;

namespace TradingBot.Acceptance.Support.Hooks;

/// <summary>
/// When a scenario fails, attaches what its <see cref="IScenarioDiagnostics"/> tell (the bot's event log, …)
/// to the scenario in the reports, so a reader sees what happened without re-running it.
/// </summary>
[Binding]
public sealed class FailureDiagnosticsHooks(ScenarioContext scenario, IObjectContainer scenarioContainer, IReqnrollOutputHelper output)
{
    // Lower orders run first: the tables are read before other after-scenario hooks tear the drivers down.
    [AfterScenario(Order = -1000)]
    public void AttachDiagnosticsOfAFailedScenario()
    {
        if (scenario.ScenarioExecutionStatus == ScenarioExecutionStatus.OK)
            return;
        foreach (var table in Diagnostics().SelectMany(diagnostics => diagnostics.Describe()))
            output.WriteLine(table.ToText()); // Reqnroll's formatters put each line as an attachment of this hook's step.
    }

    private IEnumerable<IScenarioDiagnostics> Diagnostics()
    {
        var named = scenarioContainer.ResolveAll<IScenarioDiagnostics>().ToList();
        return scenarioContainer.IsRegistered<IScenarioDiagnostics>() ? named.Prepend(scenarioContainer.Resolve<IScenarioDiagnostics>()).Distinct() : named;
    }
}
