using System.Collections.Immutable;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.InventorySnapshots;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.TokenizedEquityMints;
using TradingBot.Acceptance.Support.Hosting;

namespace TradingBot.Acceptance.UnitTests.Rebalancing;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RebalancingTriggerTests
{
    private static readonly Symbol Aapl = new("AAPL");
    private static readonly InventoryAsset AaplAsset = new InventoryAsset.Equity(Aapl);
    private const string Token = "0x7aa91000000000000000000000000000000000a1";

    private static async Task<RebalancingHost> HostAsync(decimal onchain, decimal offchain)
    {
        var host = new RebalancingHost();
        await host.RegisterVaultAsync(Aapl, Token, "0xvault");
        host.Inventory.Set(AaplAsset, onchain, offchain);
        return host;
    }

    [Test]
    public async Task Setting_the_view_triggers_nothing_until_a_check_runs()
    {
        using var host = await HostAsync(19m, 80m);
        host.Trigger.SentOperations.ShouldBeEmpty("setting the view directly");

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);

        host.Trigger.SentOperations.ShouldBe([new RebalanceOperation.Mint(Aapl, new FractionalShares(30.5m))]);
        host.Trigger.IsEquityInProgress(Aapl).ShouldBeTrue("the AAPL guard is held while the mint waits");
    }

    [Test]
    public async Task A_move_in_flight_blocks_a_second_move_of_the_same_equity()
    {
        using var host = await HostAsync(19m, 80m);
        host.Trigger.TryClaimEquity(Aapl).ShouldBeTrue("an AAPL mint is in flight");

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);

        host.Trigger.SentOperations.ShouldBeEmpty();
        host.Trigger.IsEquityInProgress(Aapl).ShouldBeTrue("still held by the mint in flight");
    }

    [Test]
    public async Task Without_a_registered_vault_or_with_rebalancing_disabled_nothing_is_sent()
    {
        using var host = await HostAsync(19m, 80m);
        var msft = new Symbol("MSFT");
        host.Inventory.Set(new InventoryAsset.Equity(msft), 19m, 80m);
        await host.Trigger.CheckAndTriggerEquityAsync(msft, CancellationToken.None);
        host.Trigger.SentOperations.ShouldBeEmpty("MSFT has no vault");
        host.Trigger.IsEquityInProgress(msft).ShouldBeFalse("the guard is not kept when nothing was sent");

        using var disabled = new RebalancingHost(RebalancingHost.DefaultConfig with { Enabled = false });
        await disabled.RegisterVaultAsync(Aapl, Token, "0xvault");
        disabled.Inventory.Set(AaplAsset, 19m, 80m);
        await disabled.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        disabled.Trigger.SentOperations.ShouldBeEmpty("rebalancing disabled");
    }

    [Test]
    public async Task Snapshots_update_the_view_and_check_the_holding()
    {
        using var host = await HostAsync(20m, 80m);
        host.Inventory.Set(new InventoryAsset.Usdc(), 100m, 100m);
        var id = host.Config.RegistryId;
        var holdings = ImmutableDictionary<Symbol, FractionalShares>.Empty;

        await host.Store.ExecuteAsync(InventorySnapshotDecider.Kind, id,
            new InventorySnapshotCommand.OnchainEquity(holdings.Add(Aapl, new FractionalShares(19m))), CancellationToken.None);
        await host.Store.ExecuteAsync(InventorySnapshotDecider.Kind, id, new InventorySnapshotCommand.OffchainCash(90_000), CancellationToken.None);

        host.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(19m, 0m), new(80m, 0m), null));
        host.Inventory.Usdc.ShouldBe(new AssetInventory(new(100m, 0m), new(900m, 0m), null), "cents ÷ 100");
        host.Trigger.SentOperations.ShouldBe([
            new RebalanceOperation.Mint(Aapl, new FractionalShares(30.5m)), new RebalanceOperation.UsdcAlpacaToBase(new Usd(400m))]);
    }

    [Test]
    public async Task A_terminal_mint_event_releases_the_guard_and_checks_usdc()
    {
        using var host = await HostAsync(19m, 80m);
        host.Inventory.Set(new InventoryAsset.Usdc(), 100m, 900m);
        host.Trigger.TryClaimEquity(Aapl);
        var id = Guid.NewGuid().ToString();
        await host.Store.ExecuteAsync(TokenizedEquityMintDecider.Kind, id,
            new TokenizedEquityMintCommand.RequestMint(Aapl, new FractionalShares(30.5m), "0xwallet"), CancellationToken.None);
        host.Trigger.SentOperations.ShouldBeEmpty("MintRequested is not terminal");

        await host.Store.ExecuteAsync(TokenizedEquityMintDecider.Kind, id, new TokenizedEquityMintCommand.RejectMint("no"), CancellationToken.None);

        host.Trigger.IsEquityInProgress(Aapl).ShouldBeFalse("MintRejected releases the AAPL guard");
        host.Trigger.SentOperations.ShouldBe([new RebalanceOperation.UsdcAlpacaToBase(new Usd(400m))], "then USDC is checked");
    }

    [Test]
    public async Task Fills_move_the_venue_and_check_the_symbol()
    {
        using var host = await HostAsync(20m, 80m);

        await host.Trigger.OnChainOrderFilledAsync(Aapl, new FractionalShares(1m), Direction.Sell, CancellationToken.None);

        host.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(19m, 0m), new(80m, 0m), null), "an on-chain sell gives tokens away");
        host.Trigger.SentOperations.ShouldBe([new RebalanceOperation.Mint(Aapl, new FractionalShares(30.5m))]);
        await host.Trigger.OffChainOrderFilledAsync(Aapl, new FractionalShares(1m), Direction.Buy, CancellationToken.None);
        host.Inventory.Equity(Aapl).Offchain.ShouldBe(new VenueBalance(81m, 0m), "a broker buy adds shares");
    }

    [Test]
    public async Task The_channel_holds_100_operations_and_a_refused_send_releases_its_guard()
    {
        using var host = new RebalancingHost();
        var symbols = Enumerable.Range(0, RebalancingTrigger.ChannelCapacity + 1).Select(index => new Symbol($"S{index}")).ToList();
        foreach (var symbol in symbols)
        {
            await host.RegisterVaultAsync(symbol, $"0xtoken{symbol}", "0xvault");
            host.Inventory.Set(new InventoryAsset.Equity(symbol), 0m, 10m);
            await host.Trigger.CheckAndTriggerEquityAsync(symbol, CancellationToken.None);
        }

        host.Trigger.SentOperations.Count.ShouldBe(100);
        host.Trigger.IsEquityInProgress(symbols[^1]).ShouldBeFalse("the 101st operation was not sent");
        host.Trigger.IsEquityInProgress(symbols[0]).ShouldBeTrue();
    }
}
