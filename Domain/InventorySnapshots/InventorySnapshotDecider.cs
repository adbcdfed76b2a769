using TradingBot.Acceptance.Domain.EventSourcing;
using Command = TradingBot.Acceptance.Domain.InventorySnapshots.InventorySnapshotCommand;
using Error = TradingBot.Acceptance.Domain.InventorySnapshots.InventorySnapshotError;
using Event = TradingBot.Acceptance.Domain.InventorySnapshots.InventorySnapshotEvent;

namespace TradingBot.Acceptance.Domain.InventorySnapshots;

public static class InventorySnapshotDecider
{
    public static readonly AggregateKind<InventorySnapshot, Command, Event, Error> Kind =
        new("InventorySnapshot", InventorySnapshot.Empty, Decide, Evolve, new InventorySnapshotEventCodec());

    public static Decision<Event, Error> Decide(InventorySnapshot snapshot, Command command, DateTimeOffset now) =>
        new Decision<Event, Error>.Accepted([command switch
        {
            Command.OnchainEquity equity => new Event.OnchainEquity(equity.Balances, now),
            Command.OnchainCash cash => new Event.OnchainCash(cash.UsdcBalance, now),
            Command.OffchainEquity equity => new Event.OffchainEquity(equity.Positions, now),
            Command.OffchainCash cash => new Event.OffchainCash(cash.CashBalanceCents, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown inventory snapshot command"),
        }]);

    public static InventorySnapshot Evolve(InventorySnapshot snapshot, Event @event) => @event switch
    {
        Event.OnchainEquity e => snapshot with { OnchainEquity = e.Balances, LastFetchedAt = e.FetchedAt },
        Event.OnchainCash e => snapshot with { OnchainCash = e.UsdcBalance, LastFetchedAt = e.FetchedAt },
        Event.OffchainEquity e => snapshot with { OffchainEquity = e.Positions, LastFetchedAt = e.FetchedAt },
        Event.OffchainCash e => snapshot with { OffchainCashCents = e.CashBalanceCents, LastFetchedAt = e.FetchedAt },
        _ => throw new CorruptStreamException(snapshot, @event),
    };
}
