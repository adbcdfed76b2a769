using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>Several items share one unit of work; an item that fails takes back only its own writes.</summary>
[TestFixture]
public sealed class SavepointTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly OnChainTradeAggregate Trades = new();
    private static readonly OffchainOrderAggregate Orders = new();

    [Test]
    public void An_item_that_throws_mid_batch_leaves_nothing_of_itself_and_the_items_before_it_commit()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using (var unit = database.BeginWrite())
        {
            CompletedItem(unit, "0xa1:0", "AAPL");

            var failure = Should.Throw<InvalidOperationException>(() =>
            {
                using var second = unit.Savepoint();
                Item(unit, "0xb2:0", "MSFT");
                throw new InvalidOperationException("the second item broke");
            });
            failure.Message.ShouldBe("the second item broke", "the item's own exception, not swallowed");
            unit.Load(Trades, "0xb2:0").State.ShouldBeNull("the unit forgot the rolled-back trade");
            unit.Load(Orders, "2").State.ShouldBeNull("the unit forgot the rolled-back order");
            unit.NextNumericId(Orders.AggregateType).ShouldBe(2, "the rolled-back order's id is free again in the unit");
            unit.Commit();
        }

        database.ReadEventLog().Select(recorded => $"{recorded.AggregateType}/{recorded.AggregateId}")
            .ShouldBe(["OnChainTrade/0xa1:0", "OffchainOrder/1"], "events");
        MigrationTests.Query(database.ConnectionString, "SELECT view_id FROM onchain_trade_view UNION ALL SELECT view_id FROM offchain_order_view")
            .ShouldBe(["0xa1:0", "1"], "view rows");
        MigrationTests.Query(database.ConnectionString, "SELECT tx_hash FROM event_queue").ShouldBe(["0xa1"], "queue rows");
        MigrationTests.Query(database.ConnectionString, "SELECT symbol FROM symbol_locks").ShouldBe(["AAPL"], "leases");
        using var next = database.BeginWrite();
        next.Load(Trades, "0xb2:0").State.ShouldBeNull("the cache holds no rolled-back trade");
        next.Load(Orders, "2").State.ShouldBeNull("the cache holds no rolled-back order");
        next.NextNumericId(Orders.AggregateType).ShouldBe(2, "the cached id watermark ignores the rolled-back order");
        next.Load(Orders, "1").Version.ShouldBe(1, "the committed order's version");
    }

    [Test]
    public void An_aggregate_changed_by_a_completed_item_and_again_by_a_failed_one_keeps_the_completed_state()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using (var unit = database.BeginWrite())
        {
            CompletedItem(unit, "0xa1:0", "AAPL");

            using (unit.Savepoint())
            {
                unit.Execute(Orders, "1", order => OffchainOrderDecider.Decide(order, new OffchainOrderCommand.ConfirmSubmission(new BrokerOrderId("b-1")), Start));
                unit.Load(Orders, "1").Version.ShouldBe(2, "inside the item");
            }

            unit.Load(Orders, "1").State.ShouldBeOfType<OffchainOrder.Pending>("after the item was rolled back");
            unit.Commit();
        }

        using var next = database.BeginWrite();
        next.Load(Orders, "1").Version.ShouldBe(1, "the cached order's version");
        database.ReadEventLog().Count.ShouldBe(2, "events: the trade and the placement");
        MigrationTests.Query(database.ConnectionString, "SELECT version || ' ' || status FROM offchain_order_view").ShouldBe(["1 Pending"], "the order's view row");
    }

    [Test]
    public void An_item_whose_view_row_cannot_be_written_rolls_back_alone()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using (var unit = database.BeginWrite())
        {
            CompletedItem(unit, "0xa1:0", "AAPL");

            var failure = Should.Throw<InvalidOperationException>(() =>
            {
                using var second = unit.Savepoint();
                unit.Execute(new UnwritableViewTrades(), "0xb2:0", trade => OnChainTradeDecider.Decide(trade, Witness("MSFT"), Start));
                second.Complete();
            });
            failure.Message.ShouldBe("the view row cannot be written", "the view writer's own exception");
            unit.Commit();
        }

        database.ReadEventLog().Select(recorded => recorded.AggregateId).ShouldBe(["0xa1:0", "1"], "events: the first item's only");
        MigrationTests.Query(database.ConnectionString, "SELECT view_id FROM onchain_trade_view").ShouldBe(["0xa1:0"], "trade view rows");
    }

    // The trade aggregate, except that its view row cannot be written.
    private sealed class UnwritableViewTrades : IAggregate<OnChainTrade, OnChainTradeEvent>
    {
        public string AggregateType => Trades.AggregateType;

        public string? ViewTable => Trades.ViewTable;

        public OnChainTrade Evolve(OnChainTrade? state, OnChainTradeEvent domainEvent) => Trades.Evolve(state, domainEvent);

        public string EventName(OnChainTradeEvent domainEvent) => Trades.EventName(domainEvent);

        public void WriteEvent(System.Text.Json.Utf8JsonWriter writer, OnChainTradeEvent domainEvent) => Trades.WriteEvent(writer, domainEvent);

        public OnChainTradeEvent ReadEvent(string name, System.Text.Json.JsonElement body) => Trades.ReadEvent(name, body);

        public void WriteView(System.Text.Json.Utf8JsonWriter writer, OnChainTrade state) => throw new InvalidOperationException("the view row cannot be written");
    }

    // An item that completes: its writes commit with the unit.
    private static void CompletedItem(UnitOfWork unit, string tradeId, string symbol)
    {
        using var item = unit.Savepoint();
        Item(unit, tradeId, symbol);
        item.Complete();
    }

    // One item's writes: a trade, a new order, a queue row and a lease.
    private static void Item(UnitOfWork unit, string tradeId, string symbol)
    {
        unit.Execute(Trades, tradeId, trade => OnChainTradeDecider.Decide(trade, Witness(symbol), Start));
        var id = unit.NextNumericId(Orders.AggregateType).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var place = new OffchainOrderCommand.Place(new Symbol(symbol), new FractionalShares(1m), Direction.Buy, SupportedExecutor.DryRun, new ClientOrderId(Guid.NewGuid()));
        unit.Execute(Orders, id, order => OffchainOrderDecider.Decide(order, place, Start));
        unit.EventQueue.Enqueue(new ChainEvent(tradeId[..4], 0, 12, null, "{}"), Start);
        unit.SymbolLocks.TryAcquire(new Symbol(symbol), Start).ShouldBeTrue($"{symbol} lease");
    }

    // A 1-share sell of the symbol seen on chain a minute before the start.
    private static OnChainTradeCommand.Witness Witness(string symbol) =>
        new(new Symbol(symbol), new FractionalShares(1m), Direction.Sell, new Usd(100m), 12, Start.AddMinutes(-1));
}
