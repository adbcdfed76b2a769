using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Support.EventStores;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>
/// A view query returns each aggregate as <see cref="UnitOfWork.Load"/> would, whether the unit, the cache or only the
/// store holds it, on each store. Two database objects on one store stand for two bot instances.
/// </summary>
[TestFixture(EventStoreKind.Sqlite)]
[TestFixture(EventStoreKind.Postgres)]
[Category("store-contract")]
public sealed class ViewQueryTests(EventStoreKind kind) : DurableStoreFixture(kind)
{
    // Several hundred trades: a view query that read many streams to a statement would need several statements for them.
    private static readonly string[] Ids = [.. Enumerable.Range(1, 700).Select(number => $"0xa1:{number}").Order(StringComparer.Ordinal)];

    [Test]
    public void A_view_query_returns_cached_stale_and_uncached_aggregates_as_each_load_does()
    {
        var clock = new FakeTimeProvider(Start);
        using var writer = Store.Open(clock);
        using var reader = Store.Open(clock);
        Write(writer, Ids, Witness(0.5m));
        using (var read = reader.BeginRead())
        {
            foreach (var id in Ids.Where((_, index) => index % 3 == 0))
                read.Load(Trades, id); // the reader's cache holds every third trade at version 1
        }

        Write(writer, Ids.Where((_, index) => index % 2 == 0), new OnChainTradeCommand.Enrich(21000, new PythPrice(10012345, -5, 2000, Start.AddSeconds(-2))));

        IReadOnlyList<LoadedAggregate<OnChainTrade>> queried;
        using (var read = reader.BeginRead())
        {
            var loadedBefore = read.Load(Trades, Ids[1]);
            queried = read.QueryView(Trades, "1 = 1", "view_id");
            queried[1].ShouldBeSameAs(loadedBefore, "what the unit loaded already");
            queried.ShouldAllBe(trade => ReferenceEquals(read.Load(Trades, trade.AggregateId), trade), "each one seen by the unit");
        }

        using (var fresh = Store.Open(clock))
        using (var read = fresh.BeginRead())
            queried.ShouldBe([.. Ids.Select(id => read.Load(Trades, id))], "each trade as its own load reads it from the store");
        queried.Select(trade => trade.Version).Distinct().Order().ToList().ShouldBe([1L, 2L], "enriched and not");

        using var again = reader.BeginRead();
        again.QueryView(Trades, "1 = 1", "view_id").Zip(queried).ShouldAllBe(pair => ReferenceEquals(pair.First, pair.Second), "kept in the cache");
    }

    [Test]
    public void A_view_query_in_a_write_unit_returns_what_the_unit_appended_and_what_another_instance_wrote()
    {
        var clock = new FakeTimeProvider(Start);
        using var writer = Store.Open(clock);
        using var other = Store.Open(clock);
        Write(writer, Ids, Witness(0.5m));
        using (var read = writer.BeginRead())
            read.QueryView(Trades, "1 = 1", "view_id").Count.ShouldBe(Ids.Length);
        Write(other, Ids.Where((_, index) => index % 2 == 0), new OnChainTradeCommand.Enrich(21000, new PythPrice(10012345, -5, 2000, Start.AddSeconds(-2))));

        using var unit = writer.BeginWrite(); // the other instance wrote: the writer's cache is forgotten
        unit.Execute(Trades, Ids[1], trade => OnChainTradeDecider.Decide(trade, new OnChainTradeCommand.Enrich(21000, new PythPrice(1, 0, 1, Start)), Start));
        var queried = unit.QueryView(Trades, "1 = 1", "view_id");

        queried.Select(trade => (trade.AggregateId, trade.Version)).ShouldBe([.. Ids.Select((id, index) => (id, index % 2 == 0 || index == 1 ? 2L : 1L))]);
        queried[1].State!.Enrichment!.PythPrice.Value.ShouldBe(1, "the unit's own append");
        queried[0].State!.Enrichment!.PythPrice.Value.ShouldBe(10012345, "the other instance's append");
    }

    private static void Write(EventStoreDatabase database, IEnumerable<string> ids, OnChainTradeCommand command)
    {
        using var unit = database.BeginWrite();
        foreach (var id in ids)
            unit.Execute(Trades, id, trade => OnChainTradeDecider.Decide(trade, command, Start));
        unit.Commit();
    }
}
