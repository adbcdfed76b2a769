using TradingBot.Acceptance.Domain.EventSourcing;
using System.Collections.Immutable;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.InventorySnapshots;
using Command = TradingBot.Acceptance.Domain.InventorySnapshots.InventorySnapshotCommand;
using Error = TradingBot.Acceptance.Domain.InventorySnapshots.InventorySnapshotError;
using Event = TradingBot.Acceptance.Domain.InventorySnapshots.InventorySnapshotEvent;

namespace TradingBot.Acceptance.UnitTests.InventorySnapshots;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class InventorySnapshotDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    [Test]
    public void Each_reading_replaces_its_own_field()
    {
        var balances = ImmutableDictionary<Symbol, FractionalShares>.Empty.Add(new Symbol("AAPL"), new FractionalShares(19m));
        var equity = Decide(new Command.OnchainEquity(balances), InventorySnapshot.Empty);
        var cash = Decide(new Command.OffchainCash(90_000), InventorySnapshot.Empty);
        var state = InventorySnapshotDecider.Kind.Replay([equity, cash]);
        state.OnchainEquity!.ShouldBe(balances);
        state.OffchainCashCents.ShouldBe(90_000L);
        state.OnchainCash.ShouldBeNull("no on-chain cash reading yet");
        var codec = new InventorySnapshotEventCodec();
        EventPayload.Write(codec, equity).ShouldBe("{\"OnchainEquity\":{\"balances\":{\"AAPL\":\"19\"},\"fetched_at\":\"2026-11-25T15:00:00.0000000Z\"}}");
        EventPayload.Write(codec, cash).ShouldBe("{\"OffchainCash\":{\"cash_balance_cents\":\"90000\",\"fetched_at\":\"2026-11-25T15:00:00.0000000Z\"}}");
        var read = (Event.OnchainEquity)EventPayload.Read(codec, EventPayload.Write(codec, equity));
        read.Balances.ShouldBe(balances);
        EventPayload.Read(codec, EventPayload.Write(codec, cash)).ShouldBe(cash);
    }

    private static Event Decide(Command command, InventorySnapshot state) =>
        InventorySnapshotDecider.Decide(state, command, Now).ShouldBeOfType<Decision<Event, Error>.Accepted>().Events.ShouldHaveSingleItem();
}
