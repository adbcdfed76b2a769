using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Support.EventStores;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>
/// What every event store keeps, run on each: SQLite and PostgreSQL (a schema of its own on the run's server,
/// see <see cref="TestEventStores"/>). Two database objects on one store stand for two bot instances.
/// </summary>
[TestFixture(EventStoreKind.Sqlite)]
[TestFixture(EventStoreKind.Postgres)]
[Category("store-contract")]
public sealed class StoreContractTests(EventStoreKind kind) : DurableStoreFixture(kind)
{
    private static readonly string[] TwoTrades = ["0xa1:1", "0xa1:2"];

    [Test]
    public void An_event_is_read_back_as_written_in_global_order()
    {
        using var database = Store.Open(new FakeTimeProvider(Start));
        foreach (var id in new[] { "0xa1:5", "0xa1:3" })
            Record(database, id, 0.5m);

        database.ReadEventLog().Select(recorded => $"{recorded.GlobalPosition} {recorded.AggregateId} {recorded.EventType}")
            .ShouldBe(["1 0xa1:5 OnChainTradeEvent::Filled", "2 0xa1:3 OnChainTradeEvent::Filled"]);
        database.ReadEventLog()[0].Payload.ShouldBe(
            """{"Filled":{"symbol":"AAPL","amount":"0.5","direction":"Sell","price_usdc":"100.00","block_number":12,"block_timestamp":"2025-01-06T14:59:00.0000000Z","filled_at":"2025-01-06T15:00:00.0000000Z"}}""",
            "the payload byte for byte");
        database.AggregateIds("OnChainTrade").ShouldBe(["0xa1:5", "0xa1:3"]);
    }

    [Test]
    public void A_taken_sequence_is_a_concurrency_conflict_and_the_unit_goes_on()
    {
        using var database = Store.Open(new FakeTimeProvider(Start));
        using (var unit = database.BeginWrite())
        {
            var empty = unit.Load(Trades, "0xa1:3");
            unit.Append(Trades, empty, [Filled(0.5m)]);
            Should.Throw<ConcurrencyConflictException>(() => unit.Append(Trades, empty, [Filled(0.6m)]));
            unit.Append(Trades, unit.Load(Trades, "0xa1:4"), [Filled(0.7m)]);
            unit.Commit();
        }

        database.ReadEventLog().Select(recorded => recorded.AggregateId).ShouldBe(["0xa1:3", "0xa1:4"], "the first append and the one after the conflict");
    }

    [Test]
    public void A_view_row_commits_with_its_events_or_not_at_all()
    {
        using var database = Store.Open(new FakeTimeProvider(Start));
        using (var unit = database.BeginWrite())
            unit.Execute(Trades, "0xa1:1", trade => OnChainTradeDecider.Decide(trade, Witness(0.5m), Start)); // never committed
        Record(database, "0xa1:2", 0.5m);

        using var read = database.BeginRead();
        read.QueryViewIds("onchain_trade_view", "1 = 1", "view_id").ShouldBe(["0xa1:2"]);
        read.ReadEventLog().Select(recorded => recorded.AggregateId).ShouldBe(["0xa1:2"]);
    }

    [Test]
    public void A_failed_item_undoes_its_own_writes_only()
    {
        using var database = Store.Open(new FakeTimeProvider(Start));
        using (var unit = database.BeginWrite())
        {
            var (completed, failure) = unit.EachInSavepoint(TwoTrades, id =>
            {
                unit.Execute(Trades, id, trade => OnChainTradeDecider.Decide(trade, Witness(0.5m), Start));
                unit.EventQueue.Enqueue(new ChainEvent(id, 0, 1, null, "{}"), Start);
                return id == "0xa1:2" ? throw new InvalidOperationException("the second item fails") : id;
            }, continueAfterFailure: true);
            completed.ShouldBe(["0xa1:1"]);
            failure.ShouldNotBeNull();
            unit.Commit();
        }

        database.ReadEventLog().Select(recorded => recorded.AggregateId).ShouldBe(["0xa1:1"]);
        using var read = database.BeginRead();
        read.EventQueue.All().Select(row => row.Event.TxHash).ShouldBe(["0xa1:1"]);
    }

    [Test]
    public void A_trade_created_again_is_refused_by_its_key_and_the_item_undone_goes_on()
    {
        var clock = new FakeTimeProvider(Start);
        using var first = Store.Open(clock);
        using var second = Store.Open(clock); // another instance: its cache knows nothing of the first one's trade
        Record(first, "0xa1:1", 0.5m);
        using (var unit = second.BeginWrite())
        {
            using (var item = unit.Savepoint())
            {
                unit.EventQueue.Enqueue(new ChainEvent("0xa1", 1, 12, null, "{}"), Start);
                unit.TryCreate(Trades, "0xa1:1", trade => OnChainTradeDecider.Decide(trade, Witness(0.6m), Start)).ShouldBeNull("the trade exists");
                unit.UndoItem().ShouldBeTrue();
                unit.EventQueue.Enqueue(new ChainEvent("0xa1", 2, 12, null, "{}"), Start);
                item.Complete();
            }

            unit.TryCreate(Trades, "0xa1:2", trade => OnChainTradeDecider.Decide(trade, Witness(0.7m), Start)).ShouldNotBeNull("a new trade");
            unit.TryCreate(Trades, "0xa1:2", trade => OnChainTradeDecider.Decide(trade, Witness(0.7m), Start)).ShouldBeNull("created in this unit");
            unit.Commit();
        }

        second.ReadEventLog().Select(recorded => recorded.AggregateId).ShouldBe(["0xa1:1", "0xa1:2"], "each trade once");
        using var read = second.BeginRead();
        read.EventQueue.All().Select(row => row.Event.LogIndex).ShouldBe([2L], "what the item wrote before the undo is gone, what it wrote after is kept");
        read.Load(Trades, "0xa1:1").State!.Amount.ShouldBe(new FractionalShares(0.5m), "the first instance's trade");
    }

    [Test]
    public void A_view_query_takes_a_cached_aggregate_only_at_the_version_its_view_row_holds()
    {
        var clock = new FakeTimeProvider(Start);
        using var first = Store.Open(clock);
        using var second = Store.Open(clock);
        Order(first, Place());
        using (var read = second.BeginRead())
            read.QueryView(Orders, "1 = 1", "view_id").ShouldHaveSingleItem().Version.ShouldBe(1, "read, then cached by the second instance");
        Order(first, new OffchainOrderCommand.ConfirmSubmission(new BrokerOrderId("broker-1")));

        using var again = second.BeginRead();
        var order = again.QueryView(Orders, "1 = 1", "view_id").ShouldHaveSingleItem();
        order.Version.ShouldBe(2, "the other instance's change, read since the cached version is older than the view row's");
        order.State.ShouldBeOfType<OffchainOrder.Submitted>();
    }

    [Test]
    public void A_settled_aggregate_which_the_cache_does_not_keep_is_loaded_whole_from_its_events()
    {
        using var database = Store.Open(new FakeTimeProvider(Start));
        Order(database, Place());
        Order(database, new OffchainOrderCommand.ConfirmSubmission(new BrokerOrderId("broker-1")));
        Order(database, new OffchainOrderCommand.CompleteFill(new Usd(101.25m)));
        Record(database, "0xa1:1", 0.5m);

        using var read = database.BeginRead();
        read.Load(Orders, "1").ShouldSatisfyAllConditions(
            order => order.Version.ShouldBe(3, "the filled order's version"),
            order => order.State.ShouldBe(new OffchainOrder.Filled(order.State!.Terms, new BrokerOrderId("broker-1"), new Usd(101.25m), Start)));
        read.Load(Trades, "0xa1:1").State!.Amount.ShouldBe(new FractionalShares(0.5m), "the trade, replayed");
    }

    private static void Order(EventStoreDatabase database, OffchainOrderCommand command) => WriteOrders(database, ["1"], _ => command);

    [Test]
    public void A_redelivered_chain_event_is_dropped_even_after_it_was_processed()
    {
        using var database = Store.Open(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();
        var log = new ChainEvent("0xb2", 4, 17, Start.AddSeconds(-12), """{"amount":"1.25"}""");

        unit.EventQueue.Enqueue(log, Start).ShouldBeTrue("first delivery");
        unit.EventQueue.Enqueue(new ChainEvent("0xb1", 9, 16, null, "{}"), Start).ShouldBeTrue("an earlier block");
        unit.EventQueue.Enqueue(log, Start).ShouldBeFalse("a re-delivery");
        unit.EventQueue.PeekNext()!.Event.TxHash.ShouldBe("0xb1", "chain order: block, then log index");
        var row = unit.EventQueue.All()[0];
        row.ShouldBe(new QueuedEvent(row.Id, log, false, Start, null, null), "the row as enqueued, times included");
        unit.EventQueue.MarkProcessed(row.Id, Start.AddSeconds(1));
        unit.EventQueue.Enqueue(log, Start.AddSeconds(2)).ShouldBeFalse("a re-delivery after processing");
        unit.EventQueue.LastProcessedBlock().ShouldBe(17);
    }

    [Test]
    public void A_lease_expires_after_15_minutes_and_carries_the_placement_under_way()
    {
        using var database = Store.Open(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();

        unit.SymbolLocks.TryAcquire(Aapl, Start).ShouldBeTrue("first acquisition");
        unit.SymbolLocks.TryAcquire(Aapl, Start.AddMinutes(15)).ShouldBeFalse("at exactly 15 minutes");
        unit.SymbolLocks.BeginPlacement(Aapl, "instance-a", Start.AddSeconds(30));
        unit.SymbolLocks.Placement(Aapl).ShouldBe(("instance-a", Start.AddSeconds(30)));
        unit.SymbolLocks.PlacementsUnderWay(Start.AddSeconds(29)).ShouldBe(["AAPL"]);
        unit.SymbolLocks.PlacementsUnderWay(Start.AddSeconds(30)).ShouldBeEmpty("at the deadline");
        unit.SymbolLocks.EndPlacement(Aapl);
        unit.SymbolLocks.Placement(Aapl).ShouldBeNull("after the broker's answer");
        unit.SymbolLocks.TryAcquire(Aapl, Start.AddMinutes(15).AddSeconds(1)).ShouldBeTrue("after 15 minutes");
        unit.SymbolLocks.LockedAt(Aapl).ShouldBe(Start.AddMinutes(15).AddSeconds(1));
    }

    [Test]
    public async Task Two_instances_on_one_store_write_one_after_the_other()
    {
        var clock = new FakeTimeProvider(Start);
        using var first = Store.Open(clock);
        using var second = Store.Open(clock);
        const int UnitsEach = 25;

        await Task.WhenAll(new[] { first, second }.Select(database => Task.Run(() =>
        {
            for (var count = 0; count < UnitsEach; count++)
            {
                using var unit = database.BeginWrite();
                var id = unit.NextNumericId("OnChainTrade").ToString(System.Globalization.CultureInfo.InvariantCulture);
                unit.Execute(Trades, id, trade => OnChainTradeDecider.Decide(trade, Witness(0.5m), Start));
                unit.Commit();
            }
        })));

        var ids = first.ReadEventLog().Select(recorded => long.Parse(recorded.AggregateId, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        ids.ShouldBe(Enumerable.Range(1, 2 * UnitsEach).Select(id => (long)id), "every id allocated once, in commit order");
    }

    private static void Record(EventStoreDatabase database, string id, decimal amount)
    {
        using var unit = database.BeginWrite();
        unit.Execute(Trades, id, trade => OnChainTradeDecider.Decide(trade, Witness(amount), Start));
        unit.Commit();
    }

    private static OnChainTradeEvent.Filled Filled(decimal amount) =>
        new(Aapl, new FractionalShares(amount), Direction.Sell, new Usd(100m), 12, Start.AddMinutes(-1), Start);
}
