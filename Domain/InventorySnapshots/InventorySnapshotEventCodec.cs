using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using Event = TradingBot.Acceptance.Domain.InventorySnapshots.InventorySnapshotEvent;

namespace TradingBot.Acceptance.Domain.InventorySnapshots;

/// <summary>Stored names and snake_case payloads of the snapshot events (version 1.0); balances map symbol → shares.</summary>
public sealed class InventorySnapshotEventCodec : IEventCodec<Event>
{
    public string EventName(Event domainEvent) => domainEvent switch
    {
        Event.OnchainEquity => "OnchainEquity",
        Event.OnchainCash => "OnchainCash",
        Event.OffchainEquity => "OffchainEquity",
        Event.OffchainCash => "OffchainCash",
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown snapshot event"),
    };

    public void WriteEvent(Utf8JsonWriter writer, Event domainEvent)
    {
        writer.WriteStartObject();
        switch (domainEvent)
        {
            case Event.OnchainEquity e:
                WriteHoldings(writer, "balances", e.Balances);
                writer.WriteTimestamp("fetched_at", e.FetchedAt);
                break;
            case Event.OnchainCash e:
                writer.WriteDecimal("usdc_balance", e.UsdcBalance.Value);
                writer.WriteTimestamp("fetched_at", e.FetchedAt);
                break;
            case Event.OffchainEquity e:
                WriteHoldings(writer, "positions", e.Positions);
                writer.WriteTimestamp("fetched_at", e.FetchedAt);
                break;
            case Event.OffchainCash e:
                writer.WriteString("cash_balance_cents", e.CashBalanceCents.ToString(CultureInfo.InvariantCulture));
                writer.WriteTimestamp("fetched_at", e.FetchedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown snapshot event");
        }

        writer.WriteEndObject();
    }

    public Event ReadEvent(string name, JsonElement body) => name switch
    {
        "OnchainEquity" => new Event.OnchainEquity(ReadHoldings(body.GetRequired("balances")), body.GetTimestamp("fetched_at")),
        "OnchainCash" => new Event.OnchainCash(new Usd(body.GetDecimal("usdc_balance")), body.GetTimestamp("fetched_at")),
        "OffchainEquity" => new Event.OffchainEquity(ReadHoldings(body.GetRequired("positions")), body.GetTimestamp("fetched_at")),
        "OffchainCash" => new Event.OffchainCash(
            long.Parse(body.GetText("cash_balance_cents"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            body.GetTimestamp("fetched_at")),
        _ => throw new JsonException($"Unknown snapshot event '{name}'."),
    };

    private static void WriteHoldings(Utf8JsonWriter writer, string name, ImmutableDictionary<Symbol, FractionalShares> holdings)
    {
        writer.WriteStartObject(name);
        foreach (var (symbol, shares) in holdings.OrderBy(pair => pair.Key.Value, StringComparer.Ordinal))
            writer.WriteDecimal(symbol.Value, shares.Value);
        writer.WriteEndObject();
    }

    private static ImmutableDictionary<Symbol, FractionalShares> ReadHoldings(JsonElement holdings) =>
        holdings.ValueKind == JsonValueKind.Object
            ? holdings.EnumerateObject().ToImmutableDictionary(
                pair => new Symbol(pair.Name),
                pair => FractionalShares.Parse(pair.Value.GetString() ?? throw new JsonException($"Holding '{pair.Name}' is not a string.")))
            : throw new JsonException("Holdings are not an object.");
}
