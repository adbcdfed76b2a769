using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradeDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.OnChainTrades.OnChainTradeEvent,
    TradingBot.Acceptance.Domain.OnChainTrades.OnChainTradeError>;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>
/// A database object remembers what it committed so that its writes need not read it back; whatever another
/// connection (another process, an operator) commits in between must still be seen by its next write.
/// </summary>
[TestFixture]
public sealed class ForeignWriteTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly OnChainTradeAggregate Trades = new();
    private const string TradeKey = "0x00000000000000000000000000000000000000000000000000000000000000b2:1";

    [Test]
    public void A_write_decides_on_events_another_process_appended_since_its_own_last_write()
    {
        var path = Path.Combine(Path.GetTempPath(), $"foreign-write-{Guid.NewGuid():N}.db");
        try
        {
            var clock = new FakeTimeProvider(Start);
            using var first = SqliteDatabase.OpenFile(path, clock);
            using var second = SqliteDatabase.OpenFile(path, clock);
            Decide(first, TradeKey, Witness()).ShouldBeOfType<TradeDecision.Accepted>("the first process records the fill");
            Decide(second, TradeKey, Enrich()).ShouldBeOfType<TradeDecision.Accepted>("the second process enriches it");

            Decide(first, TradeKey, Enrich()).ShouldBe(new TradeDecision.Rejected(new OnChainTradeError.AlreadyEnriched()), "the first process's next write");
            first.ReadEventLog().Count.ShouldBe(2, "events after both processes wrote");
        }
        finally
        {
            Delete(path);
        }
    }

    [Test]
    public void A_write_decides_on_an_event_an_operator_inserted_by_hand()
    {
        var clock = new FakeTimeProvider(Start);
        using var database = SqliteDatabase.InMemory(clock);
        Decide(database, TradeKey, Witness()).ShouldBeOfType<TradeDecision.Accepted>("the bot records the fill");
        var enriched = EnrichedPayload(clock);

        using (var operatorConnection = new SqliteConnection(database.ConnectionString))
        {
            operatorConnection.Open();
            using var insert = operatorConnection.CreateCommand();
            insert.CommandText = "INSERT INTO events VALUES ('OnChainTrade', $id, 2, 'OnChainTradeEvent::Enriched', '1.0', $payload, '{}')";
            insert.Parameters.AddWithValue("$id", TradeKey);
            insert.Parameters.AddWithValue("$payload", enriched);
            insert.ExecuteNonQuery().ShouldBe(1, "rows the operator inserted");
        }

        Decide(database, TradeKey, Enrich()).ShouldBe(new TradeDecision.Rejected(new OnChainTradeError.AlreadyEnriched()), "the bot's next write");
    }

    [Test]
    public void Numeric_ids_allocated_by_another_process_are_not_handed_out_again()
    {
        var path = Path.Combine(Path.GetTempPath(), $"foreign-ids-{Guid.NewGuid():N}.db");
        try
        {
            var clock = new FakeTimeProvider(Start);
            using var first = SqliteDatabase.OpenFile(path, clock);
            using var second = SqliteDatabase.OpenFile(path, clock);

            var ids = new[] { first, first, second, first, second }.Select(CreateNumbered).ToList();

            ids.ShouldBe([1L, 2L, 3L, 4L, 5L], "ids handed out by two processes taking turns");
        }
        finally
        {
            Delete(path);
        }
    }

    private static long CreateNumbered(SqliteDatabase database)
    {
        using var unit = database.BeginWrite();
        var id = unit.NextNumericId("OnChainTrade");
        unit.Execute(Trades, id.ToString(System.Globalization.CultureInfo.InvariantCulture), trade => OnChainTradeDecider.Decide(trade, Witness(), Start))
            .ShouldBeOfType<TradeDecision.Accepted>($"trade {id}");
        unit.Commit();
        return id;
    }

    private static TradeDecision Decide(SqliteDatabase database, string tradeKey, OnChainTradeCommand command)
    {
        using var unit = database.BeginWrite();
        var decision = unit.Execute(Trades, tradeKey, trade => OnChainTradeDecider.Decide(trade, command, Start));
        unit.Commit();
        return decision;
    }

    // The payload the store itself writes for an enrichment, taken from a scratch database.
    private static string EnrichedPayload(FakeTimeProvider clock)
    {
        using var scratch = SqliteDatabase.InMemory(clock);
        Decide(scratch, TradeKey, Witness());
        Decide(scratch, TradeKey, Enrich());
        return scratch.ReadEventLog()[1].Payload;
    }

    private static OnChainTradeCommand.Witness Witness() =>
        new(new Symbol("AAPL"), new FractionalShares(0.5m), Direction.Sell, new Usd(100.00m), 12, Start.AddMinutes(-1));

    private static OnChainTradeCommand.Enrich Enrich() => new(21000, new PythPrice(10012345, -5, 2000, Start.AddSeconds(-2)));

    private static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }
}
