using Reqnroll;
using Reqnroll.BoDi;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.Hosting;

using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Hooks;

/// <summary>
/// Every scenario gets its own world: a fake clock inside market hours, the broker (the Moq mock, or
/// WireMock's Alpaca for <c>@http-broker</c>), and a bot built on a fresh in-memory database on first use.
/// The container disposes them after the scenario.
/// </summary>
[Binding]
public sealed class ScenarioHooks(IObjectContainer container)
{
    [BeforeScenario(Order = 0)]
    public void StartTheClock()
    {
        container.RegisterInstanceAs(new ScenarioClock(ScenarioClock.ScenarioStart));
        // What a failed scenario's report shows: the event log, and the broker's requests when it spoke HTTP.
        container.RegisterTypeAs<EventLogDiagnostics, IScenarioDiagnostics>("event log");
        container.RegisterTypeAs<BrokerRequestDiagnostics, IScenarioDiagnostics>("broker requests");
    }

    [BeforeScenario("http-broker", Order = 10)]
    public void ConnectTheBrokerOverHttp() => container.Resolve<ScenarioBroker>().ConnectOverHttp();
}
