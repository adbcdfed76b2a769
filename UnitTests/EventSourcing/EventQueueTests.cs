using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

[TestFixture]
public sealed class EventQueueTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private const string Data = """{"token_symbol":"tAAPL","amount":"0.6","direction":"Sell","price_usdc":"100"}""";

    [Test]
    public void A_redelivered_event_is_dropped_even_after_processing()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();
        var chainEvent = new ChainEvent("0xabc1", 3, 100, Start, Data);

        unit.EventQueue.Enqueue(chainEvent, Start).ShouldBeTrue("first delivery");
        unit.EventQueue.Enqueue(chainEvent with { BlockNumber = 101 }, Start).ShouldBeFalse("second delivery");
        unit.EventQueue.MarkProcessed(unit.EventQueue.PeekNext()!.Id, Start.AddSeconds(1));
        unit.EventQueue.Enqueue(chainEvent, Start).ShouldBeFalse("delivery after processing");

        var row = unit.EventQueue.All().ShouldHaveSingleItem();
        (row.Processed, row.ProcessedAt, row.Error, row.Event.BlockNumber).ShouldBe((true, (DateTimeOffset?)Start.AddSeconds(1), (string?)null, 100L));
        unit.EventQueue.PeekNext().ShouldBeNull("next row after processing the only one");
    }

    [Test]
    public void Rows_are_dequeued_by_block_then_log_index()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();
        unit.EventQueue.Enqueue(new ChainEvent("0xbbb2", 0, 101, Start, Data), Start);
        unit.EventQueue.Enqueue(new ChainEvent("0xaaa1", 7, 100, Start, Data), Start);
        unit.EventQueue.Enqueue(new ChainEvent("0xaaa1", 2, 100, Start, Data), Start);

        var order = new List<string>();
        while (unit.EventQueue.PeekNext() is { } next)
        {
            order.Add($"{next.Event.TxHash}#{next.Event.LogIndex}");
            unit.EventQueue.MarkProcessed(next.Id, Start);
        }

        order.ShouldBe(["0xaaa1#2", "0xaaa1#7", "0xbbb2#0"]);
        unit.EventQueue.LastProcessedBlock().ShouldBe(101, "highest processed block");
    }

    [Test]
    public void A_dead_letter_is_processed_and_keeps_its_error()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();
        unit.EventQueue.Enqueue(new ChainEvent("0xdead", 0, 5, null, "{}"), Start);

        unit.EventQueue.DeadLetter(unit.EventQueue.PeekNext()!.Id, "token_symbol: missing", Start);

        unit.EventQueue.All().ShouldHaveSingleItem().Error.ShouldBe("token_symbol: missing");
        unit.EventQueue.PeekNext().ShouldBeNull("next row");
    }

    [Test]
    public void An_event_whose_data_is_not_json_becomes_a_dead_letter_keeping_the_data()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();

        unit.EventQueue.Enqueue(new ChainEvent("0xbad1", 4, 7, Start, "{\"token_symbol\": tAAPL"), Start).ShouldBeTrue("added as a dead letter");
        unit.EventQueue.Enqueue(new ChainEvent("0xbad1", 4, 7, Start, Data), Start).ShouldBeFalse("redelivery of the same log");

        var row = unit.EventQueue.All().ShouldHaveSingleItem();
        (row.Processed, row.ProcessedAt, row.Error).ShouldBe((true, (DateTimeOffset?)Start, (string?)"event_data is not valid JSON"));
        row.Event.EventData.ShouldBe("""{"invalid_event_data":"{\"token_symbol\": tAAPL"}""");
        unit.EventQueue.PeekNext().ShouldBeNull("a dead letter is never converted");
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("{} {}")]
    [TestCase("{\"a\":1,}")]
    [TestCase("{\"a\":1} // a comment")]
    [TestCase("[1, 2")]
    public void Data_that_is_not_one_json_value_is_kept_as_a_dead_letter(string data)
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();

        unit.EventQueue.Enqueue(new ChainEvent("0xbad2", 0, 7, Start, data), Start).ShouldBeTrue();

        unit.EventQueue.All().ShouldHaveSingleItem().Error.ShouldBe(EventQueue.InvalidJson, data);
    }

    [TestCase("{\"token_symbol\":\"tAAPL\",\"nested\":[{\"a\":[1,2,{\"b\":null}]}]}")]
    [TestCase("  {\"padded\": true}  ")]
    public void Data_that_is_json_is_queued_as_it_is(string data) => QueuedAsItIs(data);

    [Test]
    public void Data_longer_than_the_stack_room_is_checked_whole() =>
        QueuedAsItIs($$"""{"token_symbol":"tAAPL","memo":"{{new string('é', 2_000)}}"}""");

    private static void QueuedAsItIs(string data)
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();

        unit.EventQueue.Enqueue(new ChainEvent("0xgood", 0, 7, Start, data), Start).ShouldBeTrue();

        var row = unit.EventQueue.All().ShouldHaveSingleItem();
        (row.Processed, row.Error, row.Event.EventData).ShouldBe((false, (string?)null, data));
    }
}
