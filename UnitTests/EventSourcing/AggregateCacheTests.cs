using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>The aggregate cache keeps live aggregates, and settled ones only among the latest to settle.</summary>
[TestFixture]
public sealed class AggregateCacheTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly OrderTerms Terms =
        new(new Symbol("AAPL"), new FractionalShares(2m), Direction.Buy, SupportedExecutor.DryRun, new ClientOrderId(Guid.Empty), Start);

    [Test]
    public void A_filled_order_stays_among_the_latest_to_settle_and_goes_when_as_many_more_have_settled()
    {
        var cache = new AggregateCache();
        cache.Keep(Order(new OffchainOrder.Submitted(Terms, new BrokerOrderId("b-1"), Start), 2), cache.Epoch);
        cache.Keep(Order(new OffchainOrder.Filled(Terms, new BrokerOrderId("b-1"), new Usd(100m), Start), 3), cache.Epoch);
        cache.Find<OffchainOrder>("OffchainOrder", "1")!.Version.ShouldBe(3, "just filled: what reads it right after finds it");

        SettleOthers(cache, AggregateCache.RecentlySettled - 1);
        cache.Find<OffchainOrder>("OffchainOrder", "1").ShouldNotBeNull("among the latest to settle");
        SettleOthers(cache, 1, from: AggregateCache.RecentlySettled);

        cache.Find<OffchainOrder>("OffchainOrder", "1").ShouldBeNull("the oldest settled, once as many more have settled");
    }

    [Test]
    public void A_failure_stays_however_many_settle_until_a_late_fill_is_credited_to_it()
    {
        var cache = new AggregateCache();
        var failed = new OffchainOrder.Failed(Terms, null, "stale execution", Start);
        cache.Keep(Order(failed, 2), cache.Epoch);
        SettleOthers(cache, AggregateCache.RecentlySettled + 1);
        cache.Find<OffchainOrder>("OffchainOrder", "1")!.Version.ShouldBe(2, "a failure a late fill may still be credited to");

        cache.Keep(Order(failed with { LateFill = new LateFill(new BrokerOrderId("b-1"), new FractionalShares(2m), new Usd(100m), Start) }, 3), cache.Epoch);
        SettleOthers(cache, AggregateCache.RecentlySettled, from: AggregateCache.RecentlySettled + 1);

        cache.Find<OffchainOrder>("OffchainOrder", "1").ShouldBeNull("the failure with its late fill credited, once as many more have settled");
    }

    [Test]
    public void A_settled_version_older_than_the_one_kept_changes_nothing()
    {
        var cache = new AggregateCache();
        cache.Keep(Order(new OffchainOrder.Submitted(Terms, new BrokerOrderId("b-1"), Start), 4), cache.Epoch);

        cache.Keep(Order(new OffchainOrder.Filled(Terms, new BrokerOrderId("b-1"), new Usd(100m), Start), 3), cache.Epoch);

        cache.Find<OffchainOrder>("OffchainOrder", "1")!.Version.ShouldBe(4, "the later version kept");
    }

    private static LoadedAggregate<OffchainOrder> Order(OffchainOrder state, long version, string id = "1") =>
        new("OffchainOrder", id, new Lifecycle<OffchainOrder>.Live(state), version);

    // Other orders, numbered from 2 + from, each filled.
    private static void SettleOthers(AggregateCache cache, int count, int from = 0)
    {
        for (var other = 0; other < count; other++)
            cache.Keep(Order(new OffchainOrder.Filled(Terms, new BrokerOrderId("b-2"), new Usd(100m), Start), 3, $"{2 + from + other}"), cache.Epoch);
    }
}
