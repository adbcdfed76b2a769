using Reqnroll;
using Reqnroll.BoDi;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Hooks;

/// <summary>
/// Every scenario gets its own rebalancing side, built only if a step uses it; after the scenario its
/// WireMock servers stop and its event store closes.
/// </summary>
[Binding]
public sealed class RebalancingHooks(IObjectContainer container)
{
    [BeforeScenario(Order = 5)]
    public void PrepareRebalancing()
    {
        // One event log for both sides: the rebalancing store writes into the hedging bot's database.
        container.RegisterInstanceAs(new ScenarioRebalancing(container.Resolve<ScenarioClock>(), () => container.Resolve<ScenarioWorld>().Database));
        container.RegisterTypeAs<RebalancingDiagnostics, IScenarioDiagnostics>("rebalancing");
    }

    [AfterScenario(Order = 100)]
    public void StopRebalancing() => container.Resolve<ScenarioRebalancing>().Dispose();
}
