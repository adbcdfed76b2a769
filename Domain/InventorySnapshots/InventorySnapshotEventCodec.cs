using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Persistence;
using static TradingBot.Acceptance.Domain.Rebalancing.Persistence.PayloadJson;
using Event = TradingBot.Acceptance.Domain.InventorySnapshots.InventorySnapshotEvent;

namespace TradingBot.Acceptance.Domain.InventorySnapshots;

/// <summary>Stored names and snake_case payloads of the snapshot events (version 1.0); balances map symbol → shares.</summary>
public sealed class InventorySnapshotEventCodec : IEventCodec<Event>
{
    public string Name(Event domainEvent) => domainEvent switch
    {
        Event.OnchainEquity => "OnchainEquity",
        Event.OnchainCash => "OnchainCash",
        Event.OffchainEquity => "OffchainEquity",
        Event.OffchainCash => "OffchainCash",
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown snapshot event"),
    };

    public string Serialize(Event domainEvent) => Tagged(Name(domainEvent), domainEvent switch
    {
        Event.OnchainEquity e => new JsonObject { ["balances"] = Holdings(e.Balances), ["fetched_at"] = Time(e.FetchedAt) },
        Event.OnchainCash e => new JsonObject { ["usdc_balance"] = Amount(e.UsdcBalance.Value), ["fetched_at"] = Time(e.FetchedAt) },
        Event.OffchainEquity e => new JsonObject { ["positions"] = Holdings(e.Positions), ["fetched_at"] = Time(e.FetchedAt) },
        Event.OffchainCash e => new JsonObject
        {
            ["cash_balance_cents"] = e.CashBalanceCents.ToString(CultureInfo.InvariantCulture),
            ["fetched_at"] = Time(e.FetchedAt),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown snapshot event"),
    });

    public Event Deserialize(string payload)
    {
        var (name, f) = Untag(payload);
        return name switch
        {
            "OnchainEquity" => new Event.OnchainEquity(ReadHoldings(f["balances"]), ReadTime(f, "fetched_at")),
            "OnchainCash" => new Event.OnchainCash(new Usd(ReadDecimal(f, "usdc_balance")), ReadTime(f, "fetched_at")),
            "OffchainEquity" => new Event.OffchainEquity(ReadHoldings(f["positions"]), ReadTime(f, "fetched_at")),
            "OffchainCash" => new Event.OffchainCash(
                long.Parse(Text(f, "cash_balance_cents"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                ReadTime(f, "fetched_at")),
            _ => throw new InvalidOperationException($"Corrupt event payload: unknown snapshot event '{name}'"),
        };
    }

    private static JsonObject Holdings(ImmutableDictionary<Symbol, FractionalShares> holdings)
    {
        var json = new JsonObject();
        foreach (var (symbol, shares) in holdings.OrderBy(pair => pair.Key.Value, StringComparer.Ordinal))
            json[symbol.Value] = Amount(shares.Value);
        return json;
    }

    private static ImmutableDictionary<Symbol, FractionalShares> ReadHoldings(JsonNode? node) =>
        (node as JsonObject ?? throw new InvalidOperationException("Corrupt event payload: holdings missing"))
        .ToImmutableDictionary(
            pair => new Symbol(pair.Key),
            pair => FractionalShares.Parse(pair.Value?.GetValue<string>() ?? throw new InvalidOperationException("Corrupt holding")));
}
