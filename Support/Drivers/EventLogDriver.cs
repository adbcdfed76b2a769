using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>The bot's event log, read in the order it was recorded (rowid), in the words the features use.</summary>
public sealed class EventLogDriver(ScenarioWorld host)
{
    public IReadOnlyList<RecordedEvent> Events() => host.Database.ReadEventLog();

    /// <summary>"Position Initialized", "OffchainOrder Filled", … in order.</summary>
    public IReadOnlyList<string> Entries() => Events().Select(Entry).ToList();

    public int Count(string aggregate, string eventName) =>
        Events().Count(recorded => recorded.AggregateType == aggregate && recorded.EventName == eventName);

    /// <summary>The symbols whose position recorded the event, each once.</summary>
    public IReadOnlyList<Symbol> SymbolsWith(string positionEvent) =>
        Events().Where(recorded => recorded.AggregateType == "Position" && recorded.EventName == positionEvent)
            .Select(recorded => new Symbol(recorded.AggregateId))
            .Distinct()
            .ToList();

    /// <summary>
    /// The events of <paramref name="symbol"/> (its position, its trades and its broker orders) that name
    /// <paramref name="other"/> or one of its executions.
    /// </summary>
    public IReadOnlyList<string> EventsOfMentioning(Symbol symbol, Symbol other)
    {
        var orders = host.Orders.All();
        var executionsOf = (Symbol owner) => orders.Where(tracked => tracked.Order.Terms.Symbol == owner).Select(tracked => tracked.ExecutionId.Value).ToHashSet();
        var mine = executionsOf(symbol);
        var theirs = executionsOf(other);
        return Events()
            .Where(recorded => BelongsTo(recorded, symbol, mine))
            .Where(recorded => recorded.Payload.Contains($"\"{other.Value}\"", StringComparison.Ordinal)
                || ExecutionIds(recorded.Payload).Any(theirs.Contains))
            .Select(recorded => $"{Entry(recorded)} {recorded.AggregateId}: {recorded.Payload}")
            .ToList();
    }

    public static string Entry(RecordedEvent recorded) => $"{recorded.AggregateType} {recorded.EventName}";

    private static bool BelongsTo(RecordedEvent recorded, Symbol symbol, HashSet<long> executions) => recorded.AggregateType switch
    {
        "Position" => recorded.AggregateId == symbol.Value,
        "OffchainOrder" => executions.Contains(long.Parse(recorded.AggregateId, System.Globalization.CultureInfo.InvariantCulture)),
        "OnChainTrade" => recorded.Payload.Contains($"\"symbol\":\"{symbol.Value}\"", StringComparison.Ordinal),
        _ => false,
    };

    private static List<long> ExecutionIds(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var found = new List<long>();
        Collect(document.RootElement, found);
        return found;
    }

    private static void Collect(JsonElement element, List<long> found)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "execution_id" && property.Value.ValueKind == JsonValueKind.Number)
                found.Add(property.Value.GetInt64());
            Collect(property.Value, found);
        }
    }
}
