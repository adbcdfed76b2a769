using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>The aggregate cache keeps live aggregates and lets settled ones go.</summary>
[TestFixture]
public sealed class AggregateCacheTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly OrderTerms Terms =
        new(new Symbol("AAPL"), new FractionalShares(2m), Direction.Buy, SupportedExecutor.DryRun, new ClientOrderId(Guid.Empty), Start);

    [Test]
    public void An_open_order_is_kept_and_goes_once_it_is_filled()
    {
        var cache = new AggregateCache();
        cache.Keep(Order(new OffchainOrder.Submitted(Terms, new BrokerOrderId("b-1"), Start), 2), cache.Epoch);
        cache.Find<OffchainOrder>("OffchainOrder", "1")!.Version.ShouldBe(2, "the open order, kept");

        cache.Keep(Order(new OffchainOrder.Filled(Terms, new BrokerOrderId("b-1"), new Usd(100m), Start), 3), cache.Epoch);

        cache.Find<OffchainOrder>("OffchainOrder", "1").ShouldBeNull("the filled order");
    }

    [Test]
    public void A_failure_is_kept_until_a_late_fill_is_credited()
    {
        var cache = new AggregateCache();
        var failed = new OffchainOrder.Failed(Terms, null, "stale execution", Start);
        cache.Keep(Order(failed, 2), cache.Epoch);
        cache.Find<OffchainOrder>("OffchainOrder", "1")!.Version.ShouldBe(2, "a failure a late fill may still be credited to");

        cache.Keep(Order(failed with { LateFill = new LateFill(new BrokerOrderId("b-1"), new FractionalShares(2m), new Usd(100m), Start) }, 3), cache.Epoch);

        cache.Find<OffchainOrder>("OffchainOrder", "1").ShouldBeNull("the failure with its late fill credited");
    }

    [Test]
    public void A_settled_version_older_than_the_one_kept_changes_nothing()
    {
        var cache = new AggregateCache();
        cache.Keep(Order(new OffchainOrder.Submitted(Terms, new BrokerOrderId("b-1"), Start), 4), cache.Epoch);

        cache.Keep(Order(new OffchainOrder.Filled(Terms, new BrokerOrderId("b-1"), new Usd(100m), Start), 3), cache.Epoch);

        cache.Find<OffchainOrder>("OffchainOrder", "1")!.Version.ShouldBe(4, "the later version kept");
    }

    private static LoadedAggregate<OffchainOrder> Order(OffchainOrder state, long version) =>
        new("OffchainOrder", "1", new Lifecycle<OffchainOrder>.Live(state), version);
}
