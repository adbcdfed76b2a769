using System.Globalization;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Hosting;

/// <summary>The bot's event log in rowid order, for the report of a failed scenario.</summary>
public sealed class EventLogDiagnostics(ScenarioWorld host) : IScenarioDiagnostics
{
    public IReadOnlyList<DiagnosticTable> Describe()
    {
        if (!host.Started)
            return [];
        var rows = host.Database.ReadEventLog()
            .Select(recorded => (IReadOnlyList<string>)[
                recorded.GlobalPosition.ToString(CultureInfo.InvariantCulture), recorded.AggregateType, recorded.AggregateId,
                recorded.Sequence.ToString(CultureInfo.InvariantCulture), recorded.EventName, recorded.Payload])
            .ToList();
        return [new DiagnosticTable("Event log", ["rowid", "aggregate", "id", "sequence", "event", "payload"], rows)];
    }
}
