using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>
/// A batch of items (<see cref="UnitOfWork.EachInSavepoint"/>) is first recorded under one savepoint; when an item
/// fails or undoes itself, the batch is recorded again, a savepoint per item, and ends as if it had been so from the start.
/// </summary>
[TestFixture(EventStoreKind.Sqlite)]
[TestFixture(EventStoreKind.Postgres)]
[Category("store-contract")]
public sealed class SharedSavepointTests(EventStoreKind kind) : DurableStoreFixture(kind)
{
    private static readonly string[] ThreeTrades = ["0xa1:1", "0xa1:2", "0xa1:3"];

    [Test]
    public void A_batch_where_nothing_fails_records_each_item_once_with_its_view_row()
    {
        using var database = Store.Open(new FakeTimeProvider(Start));
        var decided = new List<string>();
        using (var unit = database.BeginWrite())
        {
            var (completed, failure) = unit.EachInSavepoint(ThreeTrades, id => RecordTrade(unit, id, decided), continueAfterFailure: false);
            completed.ShouldBe(ThreeTrades);
            failure.ShouldBeNull();
            unit.Commit();
        }

        decided.ShouldBe(ThreeTrades);
        database.ReadEventLog().Select(recorded => recorded.AggregateId).ShouldBe(ThreeTrades);
        using var read = database.BeginRead();
        read.QueryViewIds("onchain_trade_view", "1 = 1", "view_id").ShouldBe(ThreeTrades);
        read.EventQueue.All().Select(row => row.Event.TxHash).ShouldBe(ThreeTrades);
    }

    [Test]
    public void An_item_that_fails_mid_batch_leaves_nothing_and_the_items_before_it_are_recorded_once()
    {
        using var database = Store.Open(new FakeTimeProvider(Start));
        var decided = new List<string>();
        using (var unit = database.BeginWrite())
        {
            var (completed, failure) = unit.EachInSavepoint(ThreeTrades, id =>
                id == "0xa1:2" ? throw new InvalidOperationException("the second item fails") : RecordTrade(unit, id, decided), continueAfterFailure: false);
            completed.ShouldBe(["0xa1:1"], "the items after the failed one are not recorded without continueAfterFailure");
            failure!.SourceException.Message.ShouldBe("the second item fails", "the item's own exception");
            unit.Commit();
        }

        decided.ShouldBe(["0xa1:1", "0xa1:1"], "the first item decided again once the batch was rolled back");
        database.ReadEventLog().Select(recorded => recorded.AggregateId).ShouldBe(["0xa1:1"], "the first item's event, once");
        using var read = database.BeginRead();
        read.QueryViewIds("onchain_trade_view", "1 = 1", "view_id").ShouldBe(["0xa1:1"]);
        read.EventQueue.All().Select(row => row.Event.TxHash).ShouldBe(["0xa1:1"]);
    }

    [Test]
    public void An_item_that_undoes_itself_mid_batch_keeps_what_it_wrote_after_the_undo_and_the_others_commit()
    {
        var clock = new FakeTimeProvider(Start);
        using var other = Store.Open(clock); // another instance recorded the second trade already
        using (var unit = other.BeginWrite())
        {
            unit.Execute(Trades, "0xa1:2", trade => OnChainTradeDecider.Decide(trade, Witness(), Start));
            unit.Commit();
        }

        using var database = Store.Open(clock);
        using (var unit = database.BeginWrite())
        {
            var (completed, failure) = unit.EachInSavepoint(ThreeTrades, id =>
            {
                unit.EventQueue.Enqueue(new ChainEvent(id, 0, 12, null, "{}"), Start);
                if (unit.TryCreate(Trades, id, trade => OnChainTradeDecider.Decide(trade, Witness(), Start)) is not null)
                    return id;
                unit.UndoItem().ShouldBeTrue("undone in a savepoint of its own");
                unit.EventQueue.Enqueue(new ChainEvent(id, 1, 12, null, "{}"), Start);
                return "duplicate";
            }, continueAfterFailure: false);
            completed.ShouldBe(["0xa1:1", "duplicate", "0xa1:3"]);
            failure.ShouldBeNull();
            unit.Commit();
        }

        database.ReadEventLog().Select(recorded => recorded.AggregateId).ShouldBe(["0xa1:2", "0xa1:1", "0xa1:3"], "each trade once");
        using var read = database.BeginRead();
        read.EventQueue.All().Select(row => $"{row.Event.TxHash} {row.Event.LogIndex}").ShouldBe(["0xa1:1 0", "0xa1:2 1", "0xa1:3 0"], ignoreOrder: true,
            "what the duplicate's item wrote before its undo is gone, what it wrote after is kept");
    }

    private static string RecordTrade(UnitOfWork unit, string id, List<string> decided)
    {
        unit.Execute(Trades, id, trade =>
        {
            decided.Add(id);
            return OnChainTradeDecider.Decide(trade, Witness(), Start);
        });
        unit.EventQueue.Enqueue(new ChainEvent(id, 0, 12, null, "{}"), Start);
        return id;
    }
}
