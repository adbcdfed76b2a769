using NUnit.Framework;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradeDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.OnChainTrades.OnChainTradeEvent,
    TradingBot.Acceptance.Domain.OnChainTrades.OnChainTradeError>;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

[TestFixture]
public sealed class EventStoreTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly OnChainTradeAggregate Trades = new();
    private const string TradeKey = "0x00000000000000000000000000000000000000000000000000000000000000a1:3";

    [Test]
    public void Appended_events_are_stored_with_type_version_metadata_and_snake_case_payload()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));

        using (var unit = database.BeginWrite())
        {
            unit.Execute(Trades, TradeKey, trade => OnChainTradeDecider.Decide(trade, Witness(0.5m), Start)).ShouldBeOfType<TradeDecision.Accepted>();
            unit.Commit();
        }

        var recorded = database.ReadEventLog().ShouldHaveSingleItem();
        recorded.ShouldBe(new RecordedEvent(1, "OnChainTrade", TradeKey, 1, "OnChainTradeEvent::Filled",
            """{"Filled":{"symbol":"AAPL","amount":"0.5","direction":"Sell","price_usdc":"100.00","block_number":12,"block_timestamp":"2025-01-06T14:59:00.0000000Z","filled_at":"2025-01-06T15:00:00.0000000Z"}}"""));
        MigrationTests.Query(database.ConnectionString, "SELECT event_version || ' ' || metadata FROM events").ShouldBe(["1.0 {}"], "version and metadata");
        MigrationTests.Query(database.ConnectionString, "SELECT version || ' ' || json_extract(payload, '$.Live.amount') FROM onchain_trade_view")
            .ShouldBe(["1 0.5"], "the trade view, updated with the event");
    }

    [Test]
    public void The_event_log_read_after_a_global_position_holds_only_the_later_events()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        foreach (var logIndex in new[] { 3, 4, 5 })
        {
            using var unit = database.BeginWrite();
            unit.Execute(Trades, $"0xa1:{logIndex}", trade => OnChainTradeDecider.Decide(trade, Witness(0.5m), Start));
            unit.Commit();
        }

        database.ReadEventLog(after: 1).Select(recorded => $"{recorded.GlobalPosition} {recorded.AggregateId}")
            .ShouldBe(["2 0xa1:4", "3 0xa1:5"], "events after global position 1");
        database.ReadEventLog(after: 3).ShouldBeEmpty("events after the last one");
    }

    [Test]
    public void Aggregate_ids_come_in_creation_order_and_a_stream_holds_only_its_own_events()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        foreach (var logIndex in new[] { 5, 3, 4 })
        {
            using var unit = database.BeginWrite();
            unit.Execute(Trades, $"0xa1:{logIndex}", trade => OnChainTradeDecider.Decide(trade, Witness(0.5m), Start));
            unit.Commit();
        }

        database.AggregateIds("OnChainTrade").ShouldBe(["0xa1:5", "0xa1:3", "0xa1:4"], "trades, oldest first");
        database.AggregateIds("Position").ShouldBeEmpty("no position was written");
        database.ReadStream("OnChainTrade", "0xa1:3").Select(recorded => $"{recorded.GlobalPosition} {recorded.Sequence} {recorded.EventType}")
            .ShouldBe(["2 1 OnChainTradeEvent::Filled"], "the stream of trade 0xa1:3");
    }

    [Test]
    public void A_replayed_aggregate_has_the_state_its_events_built()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        Record(database, Witness(0.7m));

        using var unit = database.BeginRead();
        var loaded = unit.Load(Trades, TradeKey);

        loaded.Version.ShouldBe(1, "version after one event");
        loaded.State.ShouldBe(new OnChainTrade(new Symbol("AAPL"), new FractionalShares(0.7m), Direction.Sell, new Usd(100.00m), 12, Start.AddMinutes(-1), Start, null));
    }

    [Test]
    public void A_rejected_command_writes_nothing()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        Record(database, Witness(0.7m));

        using (var unit = database.BeginWrite())
        {
            var decision = unit.Execute(Trades, TradeKey, trade => OnChainTradeDecider.Decide(trade, Witness(0.7m), Start));
            decision.ShouldBe(new TradeDecision.Rejected(new OnChainTradeError.AlreadyFilled()));
            unit.Commit();
        }

        database.ReadEventLog().Count.ShouldBe(1, "events after a rejected duplicate");
    }

    [Test]
    public void Appending_at_a_taken_sequence_is_a_concurrency_conflict_and_writes_nothing()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();
        var empty = unit.Load(Trades, TradeKey);
        unit.Append(Trades, empty, [Filled(0.5m)]);

        var conflict = Should.Throw<ConcurrencyConflictException>(() => unit.Append(Trades, empty, [Filled(0.6m), Enriched()]));

        conflict.AggregateType.ShouldBe("OnChainTrade", "conflicting aggregate type");
        unit.ReadEventLog().Count.ShouldBe(1, "events after the losing append");
    }

    [Test]
    public void A_lost_race_is_decided_again_on_the_fresh_state()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();
        var states = new List<OnChainTrade?>();

        var decision = unit.Execute(Trades, TradeKey, trade =>
        {
            states.Add(trade);
            if (states.Count == 1) // a competing writer wins the race between our load and our append
                unit.Append(Trades, unit.Load(Trades, TradeKey), [Filled(0.5m)]);
            return OnChainTradeDecider.Decide(trade, new OnChainTradeCommand.Enrich(21000, Price()), Start);
        });

        decision.ShouldBe(new TradeDecision.Rejected(new OnChainTradeError.NotFilled()), "first decision, on the stale empty state");
        states.Count.ShouldBe(1, "a rejection is not retried");
    }

    [Test]
    public void A_conflict_reloads_and_retries_once_then_fails()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();
        var attempts = 0;

        Should.Throw<ConcurrencyConflictException>(() => unit.Execute(Trades, "race", trade =>
        {
            attempts++;
            // every time, a competing writer appends before us
            var current = unit.Load(Trades, "race");
            unit.Append(Trades, current, current.Version == 0 ? [Filled(0.5m)] : [Enriched()]);
            return new TradeDecision.Accepted(trade is null ? [Filled(0.9m)] : [Enriched()]);
        }));

        attempts.ShouldBe(2, "decisions: the first and one retry");
    }

    [Test]
    public void A_retry_after_a_conflict_decides_on_the_competitor_s_events()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();
        var seen = new List<long>();

        var decision = unit.Execute(Trades, TradeKey, trade =>
        {
            var current = unit.Load(Trades, TradeKey);
            seen.Add(current.Version);
            if (seen.Count == 1)
                unit.Append(Trades, current, [Filled(0.5m)]);
            return new TradeDecision.Accepted(trade is null ? [Filled(0.9m)] : [Enriched()]);
        });

        decision.ShouldBeOfType<TradeDecision.Accepted>().Events.ShouldBe([Enriched()], "the retried decision");
        seen.ShouldBe([0L, 1L], "versions seen by the first decision and the retry");
        unit.ReadEventLog().Select(recorded => recorded.EventType)
            .ShouldBe(["OnChainTradeEvent::Filled", "OnChainTradeEvent::Enriched"], "the competitor's fill, then our enrichment");
    }

    [Test]
    public void Work_that_is_not_committed_is_rolled_back()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));

        using (var unit = database.BeginWrite())
            unit.Execute(Trades, TradeKey, trade => OnChainTradeDecider.Decide(trade, Witness(0.5m), Start));

        database.ReadEventLog().ShouldBeEmpty("events of a unit of work disposed without commit");
    }

    [Test]
    public void A_stream_that_cannot_be_folded_fails_the_aggregate_and_refuses_commands()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();
        Should.Throw<InvalidOperationException>(() => unit.Append(Trades, unit.Load(Trades, TradeKey), [Enriched()]));
        var empty = unit.Load(Trades, TradeKey);

        var failed = empty.Lifecycle.Apply(Trades, Enriched());

        failed.ShouldBe(new Lifecycle<OnChainTrade>.Failed(new LifecycleError.Uninitialized(), null));
        Should.Throw<AggregateFailedException>(() => (empty with { Lifecycle = failed }).State);
    }

    private static void Record(SqliteDatabase database, OnChainTradeCommand command)
    {
        using var unit = database.BeginWrite();
        unit.Execute(Trades, TradeKey, trade => OnChainTradeDecider.Decide(trade, command, Start));
        unit.Commit();
    }

    private static OnChainTradeCommand.Witness Witness(decimal amount) =>
        new(new Symbol("AAPL"), new FractionalShares(amount), Direction.Sell, new Usd(100.00m), 12, Start.AddMinutes(-1));

    private static OnChainTradeEvent.Filled Filled(decimal amount) =>
        new(new Symbol("AAPL"), new FractionalShares(amount), Direction.Sell, new Usd(100m), 12, Start.AddMinutes(-1), Start);

    private static OnChainTradeEvent.Enriched Enriched() => new(21000, Price(), Start);

    private static PythPrice Price() => new(10012345, -5, 2000, Start.AddSeconds(-2));
}
