using Reqnroll;
using Reqnroll.Tracing;
using TradingBot.Acceptance.Support.Drivers;
using TradingBot.Acceptance.Support.Hosting;

namespace TradingBot.Acceptance.Support.Hooks;

/// <summary>When a scenario fails, its output shows the event log and, when the broker spoke HTTP, every request it received.</summary>
[Binding]
public sealed class DiagnosticsHooks(ScenarioContext scenario, ITraceListener output, BotHost host, ScenarioBroker broker)
{
    [AfterScenario(Order = 0)]
    public void PrintWhatHappened()
    {
        if (scenario.TestError is null)
            return;
        if (host.Started)
        {
            output.WriteToolOutput("Event log (rowid order):");
            foreach (var recorded in host.Bot.Database.ReadEventLog())
                output.WriteToolOutput($"  {recorded.GlobalPosition,4} {EventLogDriver.Entry(recorded)} {recorded.AggregateId}#{recorded.Sequence} {recorded.Payload}");
        }

        if (broker.OverHttp)
        {
            output.WriteToolOutput("Broker requests (WireMock):");
            foreach (var line in broker.Http.RequestLog())
                output.WriteToolOutput($"  {line}");
        }
    }
}
