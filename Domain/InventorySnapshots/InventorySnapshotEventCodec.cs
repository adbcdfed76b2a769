using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using Event = TradingBot.Acceptance.Domain.InventorySnapshots.InventorySnapshotEvent;

namespace TradingBot.Acceptance.Domain.InventorySnapshots;

/// <summary>Stored names and snake_case payloads of the snapshot events (version 1.0); balances map symbol → shares.</summary>
public sealed class InventorySnapshotEventCodec : EventCodec<Event>
{
    public InventorySnapshotEventCodec()
    {
        Add<Event.OnchainEquity>("OnchainEquity",
            (writer, e) => WriteHoldings(writer, "balances", e.Balances, e.FetchedAt),
            body => new(ReadHoldings(body.GetRequired("balances")), body.GetTimestamp("fetched_at")));
        Add<Event.OnchainCash>("OnchainCash",
            (writer, e) =>
            {
                writer.WriteDecimal("usdc_balance", e.UsdcBalance.Value);
                writer.WriteTimestamp("fetched_at", e.FetchedAt);
            },
            body => new(new Usd(body.GetDecimal("usdc_balance")), body.GetTimestamp("fetched_at")));
        Add<Event.OffchainEquity>("OffchainEquity",
            (writer, e) => WriteHoldings(writer, "positions", e.Positions, e.FetchedAt),
            body => new(ReadHoldings(body.GetRequired("positions")), body.GetTimestamp("fetched_at")));
        Add<Event.OffchainCash>("OffchainCash",
            (writer, e) =>
            {
                writer.WriteString("cash_balance_cents", e.CashBalanceCents.ToString(CultureInfo.InvariantCulture));
                writer.WriteTimestamp("fetched_at", e.FetchedAt);
            },
            body => new(long.Parse(body.GetText("cash_balance_cents"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                body.GetTimestamp("fetched_at")));
    }

    private static void WriteHoldings(Utf8JsonWriter writer, string name, ImmutableDictionary<Symbol, FractionalShares> holdings, DateTimeOffset fetchedAt)
    {
        writer.WriteStartObject(name);
        foreach (var (symbol, shares) in holdings.OrderBy(pair => pair.Key.Value, StringComparer.Ordinal))
            writer.WriteDecimal(symbol.Value, shares.Value);
        writer.WriteEndObject();
        writer.WriteTimestamp("fetched_at", fetchedAt);
    }

    private static ImmutableDictionary<Symbol, FractionalShares> ReadHoldings(JsonElement holdings) =>
        holdings.ValueKind == JsonValueKind.Object
            ? holdings.EnumerateObject().ToImmutableDictionary(
                pair => new Symbol(pair.Name),
                pair => FractionalShares.Parse(pair.Value.GetString() ?? throw new JsonException($"Holding '{pair.Name}' is not a string.")))
            : throw new JsonException("Holdings are not an object.");
}
