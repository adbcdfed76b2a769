using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
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
    // Several hundred open orders (a live aggregate, which the cache keeps): a view query that read many streams to a
    // statement would need several statements for them.
    private static readonly string[] Ids = [.. Enumerable.Range(1, 700).Select(number => $"{number}").Order(StringComparer.Ordinal)];

    [Test]
    public void A_view_query_returns_cached_stale_and_uncached_aggregates_as_each_load_does()
    {
        var clock = new FakeTimeProvider(Start);
        using var writer = Store.Open(clock);
        using var reader = Store.Open(clock);
        WriteOrders(writer, Ids, _ => Place());
        using (var read = reader.BeginRead())
        {
            foreach (var id in Ids.Where((_, index) => index % 3 == 0))
                read.Load(Orders, id); // the reader's cache holds every third order at version 1
        }

        WriteOrders(writer, Ids.Where((_, index) => index % 2 == 0), _ => Submit("broker"));

        IReadOnlyList<LoadedAggregate<OffchainOrder>> queried;
        using (var read = reader.BeginRead())
        {
            var loadedBefore = read.Load(Orders, Ids[1]);
            queried = read.QueryView(Orders, "1 = 1", "view_id");
            queried[1].ShouldBeSameAs(loadedBefore, "what the unit loaded already");
            queried.ShouldAllBe(order => ReferenceEquals(read.Load(Orders, order.AggregateId), order), "each one seen by the unit");
        }

        using (var fresh = Store.Open(clock))
        using (var read = fresh.BeginRead())
            queried.ShouldBe([.. Ids.Select(id => read.Load(Orders, id))], "each order as its own load reads it from the store");
        queried.Select(order => order.Version).Distinct().Order().ToList().ShouldBe([1L, 2L], "submitted and not");

        using var again = reader.BeginRead();
        again.QueryView(Orders, "1 = 1", "view_id").Zip(queried).ShouldAllBe(pair => ReferenceEquals(pair.First, pair.Second), "kept in the cache");
    }

    [Test]
    public void A_view_query_in_a_write_unit_returns_what_the_unit_appended_and_what_another_instance_wrote()
    {
        var clock = new FakeTimeProvider(Start);
        using var writer = Store.Open(clock);
        using var other = Store.Open(clock);
        WriteOrders(writer, Ids, _ => Place());
        using (var read = writer.BeginRead())
            read.QueryView(Orders, "1 = 1", "view_id").Count.ShouldBe(Ids.Length);
        WriteOrders(other, Ids.Where((_, index) => index % 2 == 0), _ => Submit("theirs"));

        using var unit = writer.BeginWrite(); // the other instance wrote: the writer's cache is forgotten
        unit.Execute(Orders, Ids[1], order => OffchainOrderDecider.Decide(order, Submit("mine"), Start));
        var queried = unit.QueryView(Orders, "1 = 1", "view_id");

        queried.Select(order => (order.AggregateId, order.Version)).ShouldBe([.. Ids.Select((id, index) => (id, index % 2 == 0 || index == 1 ? 2L : 1L))]);
        queried[1].State.ShouldBeOfType<OffchainOrder.Submitted>().BrokerOrderId.ShouldBe(new BrokerOrderId("mine"), "the unit's own append");
        queried[0].State.ShouldBeOfType<OffchainOrder.Submitted>().BrokerOrderId.ShouldBe(new BrokerOrderId("theirs"), "the other instance's append");
    }

    private static OffchainOrderCommand.ConfirmSubmission Submit(string brokerOrderId) => new(new BrokerOrderId(brokerOrderId));
}
