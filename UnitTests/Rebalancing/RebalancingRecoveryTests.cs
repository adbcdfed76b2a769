using System.Collections.Immutable;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EquityRedemptions;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.InventorySnapshots;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.Rebalancing.Persistence;
using TradingBot.Acceptance.Domain.TokenizedEquityMints;
using TradingBot.Acceptance.Domain.UsdcRebalances;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.Rebalancing;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RebalancingRecoveryTests
{
    private static readonly Symbol Aapl = new("AAPL");
    private static readonly Symbol Msft = new("MSFT");
    private static readonly InventoryAsset AaplAsset = new InventoryAsset.Equity(Aapl);
    private static readonly InventoryAsset Usdc = new InventoryAsset.Usdc();
    private const string Token = "0x7aa91000000000000000000000000000000000a1";

    [Test]
    public async Task An_accepted_mint_holds_its_guard_and_its_shares_in_flight_after_a_restart()
    {
        using var host = new RebalancingHost();
        await SnapshotAsync(host, onchain: 19m, offchain: 49.5m);
        var mint = Guid.NewGuid().ToString();
        await MintAsync(host, mint, new TokenizedEquityMintCommand.RequestMint(Aapl, new FractionalShares(30.5m), RebalancingHost.MarketMakerWallet));
        await MintAsync(host, mint, new TokenizedEquityMintCommand.AcknowledgeAcceptance("issuer-1", "request-1"));

        using var restarted = await RestartAsync(host);

        restarted.Trigger.IsEquityInProgress(Aapl).ShouldBeTrue("the AAPL guard of the mint still under way");
        restarted.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(19m, 0m), new(49.5m, 30.5m), null),
            "AAPL: the last snapshot, plus the shares that left the broker for the mint");
        restarted.Inventory.AwaitingSnapshots.ShouldBeTrue("the restored view waits for fresh snapshots");
    }

    [Test]
    public async Task Moves_that_ended_hold_no_guard_and_nothing_in_flight()
    {
        using var host = new RebalancingHost();
        await SnapshotAsync(host, onchain: 49.5m, offchain: 49.5m);
        var mint = Guid.NewGuid().ToString();
        await MintAsync(host, mint, new TokenizedEquityMintCommand.RequestMint(Aapl, new FractionalShares(30.5m), RebalancingHost.MarketMakerWallet));
        await MintAsync(host, mint, new TokenizedEquityMintCommand.RejectMint("Alpaca API error: 422 symbol not tokenizable"));
        var move = Guid.NewGuid().ToString();
        await MoveAsync(host, move, new UsdcRebalanceCommand.Initiate(RebalanceDirection.BaseToAlpaca, new Usd(400m), new TransferRef.OnchainTx("0xabc")));
        await MoveAsync(host, move, new UsdcRebalanceCommand.FailWithdrawal("reverted"));

        using var restarted = await RestartAsync(host);

        restarted.Trigger.IsEquityInProgress(Aapl).ShouldBeFalse("the AAPL guard of a rejected mint");
        restarted.Trigger.IsUsdcInProgress.ShouldBeFalse("the USDC guard of a failed withdrawal");
        restarted.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(49.5m, 0m), new(49.5m, 0m), null), "AAPL from the snapshot alone");
        restarted.Inventory.Usdc.ShouldBe(AssetInventory.Empty, "no USDC snapshot, nothing in flight");
    }

    [Test]
    public async Task A_redemption_and_a_usdc_move_under_way_hold_their_guards_and_amounts_in_flight()
    {
        using var host = new RebalancingHost();
        var redemption = Guid.NewGuid().ToString();
        await host.Store.ExecuteAsync(EquityRedemptionDecider.Kind, redemption,
            new EquityRedemptionCommand.SendTokens(Msft, new FractionalShares(12m), RebalancingHost.RedemptionWallet, "0xsent"), CancellationToken.None);
        var move = Guid.NewGuid().ToString();
        await MoveAsync(host, move, new UsdcRebalanceCommand.Initiate(RebalanceDirection.BaseToAlpaca, new Usd(400m), new TransferRef.OnchainTx("0xabc")));
        await MoveAsync(host, move, new UsdcRebalanceCommand.ConfirmWithdrawal());

        using var restarted = await RestartAsync(host);

        restarted.Trigger.IsEquityInProgress(Msft).ShouldBeTrue("the MSFT guard of the redemption under way");
        restarted.Trigger.IsUsdcInProgress.ShouldBeTrue("the USDC guard of the move under way");
        restarted.Inventory.Equity(Msft).Onchain.ShouldBe(new VenueBalance(0m, 12m), "MSFT tokens sent to the redemption wallet");
        restarted.Inventory.Usdc.Onchain.ShouldBe(new VenueBalance(0m, 400m), "USDC withdrawn from the vault, not yet bridged");
    }

    [Test]
    public async Task After_a_restart_nothing_is_rebalanced_until_both_venues_snapshots_are_applied()
    {
        using var host = new RebalancingHost();
        await host.RegisterVaultAsync(Aapl, Token, "0xvault");
        await SnapshotAsync(host, onchain: 19m, offchain: 80m);

        using var restarted = await RestartAsync(host);
        await restarted.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        restarted.Trigger.SentOperations.ShouldBeEmpty("a check on the restored view alone");

        await SnapshotAsync(restarted.Store, host.Config, new InventorySnapshotCommand.OnchainEquity(Holding(19m)));
        restarted.Trigger.SentOperations.ShouldBeEmpty("after the on-chain snapshot only");

        await SnapshotAsync(restarted.Store, host.Config, new InventorySnapshotCommand.OffchainEquity(Holding(80m)));
        restarted.Trigger.SentOperations.ShouldBe([new RebalanceOperation.Mint(Aapl, new FractionalShares(30.5m))], "after both venues' snapshots");
    }

    [Test]
    public async Task A_direct_set_of_the_view_after_a_restart_is_trusted_at_once()
    {
        using var host = new RebalancingHost();
        await host.RegisterVaultAsync(Aapl, Token, "0xvault");

        using var restarted = await RestartAsync(host);
        restarted.Inventory.Set(AaplAsset, 19m, 80m);
        await restarted.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);

        restarted.Trigger.SentOperations.ShouldBe([new RebalanceOperation.Mint(Aapl, new FractionalShares(30.5m))], "after setting the view");
    }

    private static async Task<RebalancingSide> RestartAsync(RebalancingHost host)
    {
        var restarted = BotComposition.Rebalancing(host.Database, host.Clock, host.Config, host.Connect(new ClockWait(host.Clock)));
        await RebalancingRecovery.RestoreAsync(restarted, logger: null, CancellationToken.None);
        return restarted;
    }

    private static ImmutableDictionary<Symbol, FractionalShares> Holding(decimal shares) =>
        ImmutableDictionary<Symbol, FractionalShares>.Empty.Add(Aapl, new FractionalShares(shares));

    private static async Task SnapshotAsync(RebalancingHost host, decimal onchain, decimal offchain)
    {
        await SnapshotAsync(host.Store, host.Config, new InventorySnapshotCommand.OnchainEquity(Holding(onchain)));
        await SnapshotAsync(host.Store, host.Config, new InventorySnapshotCommand.OffchainEquity(Holding(offchain)));
    }

    private static async Task SnapshotAsync(SqliteAggregateStore store, RebalancingConfig config, InventorySnapshotCommand command) =>
        (await store.ExecuteAsync(InventorySnapshotDecider.Kind, config.RegistryId, command, CancellationToken.None))
            .ShouldBeAssignableTo<CommandOutcome<InventorySnapshot, InventorySnapshotEvent, InventorySnapshotError>.Committed>(command.ToString());

    private static async Task MintAsync(RebalancingHost host, string id, TokenizedEquityMintCommand command) =>
        (await host.Store.ExecuteAsync(TokenizedEquityMintDecider.Kind, id, command, CancellationToken.None))
            .ShouldBeAssignableTo<CommandOutcome<TokenizedEquityMint, TokenizedEquityMintEvent, TokenizedEquityMintError>.Committed>(command.ToString());

    private static async Task MoveAsync(RebalancingHost host, string id, UsdcRebalanceCommand command) =>
        (await host.Store.ExecuteAsync(UsdcRebalanceDecider.Kind, id, command, CancellationToken.None))
            .ShouldBeAssignableTo<CommandOutcome<UsdcRebalance, UsdcRebalanceEvent, UsdcRebalanceError>.Committed>(command.ToString());
}
