using System.Collections.Immutable;
using Moq;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.InventorySnapshots;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Support.Hosting;

namespace TradingBot.Acceptance.UnitTests.Rebalancing;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class InventoryPollerTests
{
    private static readonly Symbol Aapl = new("AAPL");
    private const string Token = "0x7aa91000000000000000000000000000000000a1";

    [Test]
    public async Task Each_venues_holdings_become_snapshots_that_the_trigger_applies_and_checks()
    {
        using var host = new RebalancingHost();
        await host.RegisterVaultAsync(Aapl, Token, "0xvault");
        var chain = Source(new InventorySnapshotCommand.OnchainEquity(Holding(19m)), new InventorySnapshotCommand.OnchainCash(new Usd(250m)));
        var broker = Source(new InventorySnapshotCommand.OffchainEquity(Holding(80m)), new InventorySnapshotCommand.OffchainCash(25_050));
        var poller = new InventoryPoller(host.Store, host.Config, [chain.Object, broker.Object]);
        host.Inventory.AwaitSnapshots(); // as at every start: the on-chain reading alone must not look like 100% on-chain

        var recorded = await poller.PollAsync(CancellationToken.None);

        recorded.ShouldBe(4, "snapshots recorded");
        host.EventNames("InventorySnapshot").ShouldBe(["OnchainEquity", "OnchainCash", "OffchainEquity", "OffchainCash"]);
        host.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(19m, 0m), new(80m, 0m), null), "AAPL on both venues");
        host.Inventory.Usdc.ShouldBe(new AssetInventory(new(250m, 0m), new(250.50m, 0m), null), "USDC on-chain and the broker's cash");
        host.Trigger.SentOperations.ShouldBe([new RebalanceOperation.Mint(Aapl, new FractionalShares(30.5m))], "19 of 99 AAPL on-chain is below 30%");
    }

    [Test]
    public async Task A_venue_that_cannot_be_read_is_skipped_and_the_others_are_recorded()
    {
        using var host = new RebalancingHost();
        var chain = new Mock<IInventorySource>(MockBehavior.Strict);
        chain.Setup(source => source.ReadAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("RPC unreachable"));
        var broker = Source(new InventorySnapshotCommand.OffchainEquity(Holding(80m)));
        var poller = new InventoryPoller(host.Store, host.Config, [chain.Object, broker.Object]);

        (await poller.PollAsync(CancellationToken.None)).ShouldBe(1, "snapshots recorded");

        host.EventNames("InventorySnapshot").ShouldBe(["OffchainEquity"]);
        host.Inventory.Equity(Aapl).Offchain.ShouldBe(new VenueBalance(80m, 0m), "AAPL at the broker");
    }

    [Test]
    public async Task A_venue_that_keeps_no_inventory_records_nothing()
    {
        using var host = new RebalancingHost();
        var poller = new InventoryPoller(host.Store, host.Config, [Source().Object]);

        (await poller.PollAsync(CancellationToken.None)).ShouldBe(0, "snapshots recorded");

        host.EventNames("InventorySnapshot").ShouldBeEmpty("the dry-run broker tells nothing");
    }

    private static ImmutableDictionary<Symbol, FractionalShares> Holding(decimal shares) =>
        ImmutableDictionary<Symbol, FractionalShares>.Empty.Add(Aapl, new FractionalShares(shares));

    private static Mock<IInventorySource> Source(params InventorySnapshotCommand[] readings)
    {
        var source = new Mock<IInventorySource>(MockBehavior.Strict);
        source.Setup(venue => venue.ReadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(readings);
        return source;
    }
}
