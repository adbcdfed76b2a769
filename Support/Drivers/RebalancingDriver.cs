using System.Numerics;
using System.Text.Json;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.EquityRedemptions;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.Rebalancing.Onchain;
using TradingBot.Acceptance.Domain.TokenizedEquityMints;
using TradingBot.Acceptance.Support.Contexts;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Support.Parameters;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// The rebalancing side of the bot: the inventory, the trigger's checks, the Rebalancer's runs, and what
/// the managers left behind (lifecycle events, requests Alpaca and Circle received, tokens sent on-chain).
/// </summary>
public sealed class RebalancingDriver(ScenarioRebalancing rebalancing, RebalancingContext context)
{
    public void Enable() => rebalancing.Enable();

    public void UseUsdcBand(decimal targetPercent, decimal deviationPercent) =>
        rebalancing.UseUsdcBand(new RebalancingThreshold(targetPercent / 100m, deviationPercent / 100m));

    public Task RegisterVaultAsync(Symbol symbol)
    {
        var vault = context.VaultOf(symbol);
        return rebalancing.ArrangeAsync(host => host.RegisterVaultAsync(symbol, vault.Token, vault.VaultId));
    }

    /// <summary>
    /// Sets both venues' balances directly, nothing in flight, and puts the on-chain part in the holding's
    /// vault; this alone triggers nothing (DOMAIN §8.3).
    /// </summary>
    public Task HoldAsync(InventoryAsset holding, decimal onchain, decimal offchain)
    {
        if (onchain < 0m || offchain < 0m)
            throw new ArgumentOutOfRangeException(nameof(onchain), $"An inventory holds 0 or more {holding}, not {onchain} on-chain and {offchain} at the broker.");
        context.Remember(holding);
        return rebalancing.ArrangeAsync(host =>
        {
            host.Inventory.Set(holding, onchain, offchain);
            if (holding is InventoryAsset.Equity equity)
                host.Onchain.Holds(context.VaultOf(equity.Symbol).Token, context.VaultOf(equity.Symbol).VaultId, TokenUnits.FromShares(onchain).Units);
            else
                host.Onchain.Holds(UsdcTokenAddresses.Base, host.Config.UsdcVaultId, TokenUnits.FromUsdc(onchain).Units);
        });
    }

    /// <summary>Claims the symbol's guard as a mint in progress does, without sending an operation.</summary>
    public Task PutMintInFlightAsync(Symbol symbol) =>
        rebalancing.ArrangeAsync(host =>
        {
            if (!host.Trigger.TryClaimEquity(symbol))
                throw new InvalidOperationException($"A {symbol} move is already in flight.");
        });

    public Task AlpacaCompletesMintsAsync() => rebalancing.ArrangeAsync(host => host.Tokenization.AcceptsMintsAndCompletesThem());

    /// <summary>Alpaca lists each accepted mint as pending until <paramref name="delay"/> has passed on the clock, then as completed.</summary>
    public Task AlpacaCompletesMintsAfterAsync(TimeSpan delay) =>
        rebalancing.ArrangeAsync(host => host.Tokenization.AcceptsMintsAndCompletesThemAfter(delay));

    public Task AlpacaRejectsMintsAsync(int status, string message) =>
        rebalancing.ArrangeAsync(host => host.Tokenization.RejectsMints(status, message));

    public Task AlpacaRejectsMintsWhileProcessingAsync() =>
        rebalancing.ArrangeAsync(host => host.Tokenization.AcceptsMintsAndRejectsThemWhileProcessing());

    public Task AlpacaCompletesRedemptionsAsync() =>
        rebalancing.ArrangeAsync(host => host.Tokenization.EndsRedemptions("completed"));

    public Task AlpacaNeverDetectsRedemptionsAsync() => rebalancing.ArrangeAsync(host => host.Tokenization.NeverDetectsRedemptions());

    /// <summary>
    /// Every leg of a USDC move succeeds, both ways (DOMAIN §7.6): Alpaca has approved the market-maker
    /// wallet; its conversions, withdrawals and deposits, Circle's fee and attestations and the chains'
    /// mints then answer whatever amount the bot moves.
    /// </summary>
    public Task UsdcTransfersSucceedAsync() => rebalancing.ArrangeAsync(host => host.Wallet.WhitelistsAddress(host.Config.MarketMakerWallet));

    public Task CircleNeverAttestsAsync() => rebalancing.ArrangeAsync(host =>
    {
        host.Wallet.WhitelistsAddress(host.Config.MarketMakerWallet);
        host.Circle.NeverAttests();
    });

    /// <summary>Conversions fill, but the whitelist entry of the market-maker wallet is still pending approval.</summary>
    public Task MarketMakerWalletNotWhitelistedAsync() =>
        rebalancing.ArrangeAsync(host => host.Wallet.WhitelistsAddress(host.Config.MarketMakerWallet, status: "PENDING"));

    public async Task CheckAsync(InventoryAsset holding)
    {
        var host = await rebalancing.HostAsync();
        if (holding is InventoryAsset.Equity equity)
            await host.Trigger.CheckAndTriggerEquityAsync(equity.Symbol, CancellationToken.None);
        else
            host.Trigger.CheckAndTriggerUsdc();
    }

    /// <summary>Drains the channel through the managers; the clock moves only while a workflow waits on a timer.</summary>
    public async Task RunRebalancerAsync() => await (await rebalancing.HostAsync()).RunRebalancerAsync();

    public async Task<AssetInventory> InventoryAsync(InventoryAsset holding) => (await rebalancing.HostAsync()).Inventory.Of(holding);

    public async Task<IReadOnlyList<RebalanceOperation>> SentOperationsAsync() => (await rebalancing.HostAsync()).Trigger.SentOperations;

    /// <summary>The operation the scenario's equity would be rebalanced with, as the trigger sends it.</summary>
    public RebalanceOperation Mint(FractionalShares quantity) => new RebalanceOperation.Mint(context.HeldEquity, quantity);

    public RebalanceOperation Redemption(FractionalShares quantity) =>
        new RebalanceOperation.Redemption(context.HeldEquity, quantity, context.VaultOf(context.HeldEquity).Token);

    public async Task<bool> IsMoveInFlightAsync(InventoryAsset holding)
    {
        var trigger = (await rebalancing.HostAsync()).Trigger;
        return holding is InventoryAsset.Equity equity ? trigger.IsEquityInProgress(equity.Symbol) : trigger.IsUsdcInProgress;
    }

    public async Task<IReadOnlyList<ReceivedRequest>> MintRequestsAsync() => (await rebalancing.HostAsync()).Tokenization.MintRequests();

    public async Task<IReadOnlyList<ReceivedRequest>> WithdrawalsAsync() => (await rebalancing.HostAsync()).Wallet.Withdrawals();

    /// <summary>The ERC-20 transfers the bot sent, in the token's base units.</summary>
    public async Task<IReadOnlyList<TokenTransfer>> TokenTransfersAsync() =>
        [.. (await rebalancing.HostAsync()).Onchain.Transfers.Select(sent => new TokenTransfer(sent.Chain, sent.Token, sent.Recipient, sent.Units))];

    public TokenTransfer RedemptionTransfer(FractionalShares quantity, TokenizedEquity token) => new(
        CctpChain.Base, context.VaultOf(token.Symbol).Token, RebalancingHost.RedemptionWallet,
        TokenUnits.FromShares(quantity.Value).Units);

    /// <summary>The event names of the symbol's latest mint, in order.</summary>
    public async Task<IReadOnlyList<string>> MintLifecycleAsync(Symbol symbol) =>
        [.. (await LatestMintAsync(symbol)).Select(row => row.EventName)];

    public async Task<IReadOnlyList<string>> RedemptionLifecycleAsync(Symbol symbol) =>
        [.. (await LatestRedemptionAsync(symbol)).Select(row => row.EventName)];

    public async Task<IReadOnlyList<string>> UsdcMoveLifecycleAsync() =>
        [.. Latest((await rebalancing.HostAsync()).Events("UsdcRebalance"), _ => true).Select(row => row.EventName)];

    public async Task<MoveFailure?> MintFailureAsync(Symbol symbol) => Failure(await LatestMintAsync(symbol));

    public async Task<MoveFailure?> RedemptionFailureAsync(Symbol symbol) => Failure(await LatestRedemptionAsync(symbol));

    public async Task<MoveFailure?> UsdcMoveFailureAsync() =>
        Failure(Latest((await rebalancing.HostAsync()).Events("UsdcRebalance"), _ => true));

    /// <summary>The symbol's latest mint as the store holds it now; null when the bot never minted it.</summary>
    public async Task<TokenizedEquityMint?> LatestMintStateAsync(Symbol symbol)
    {
        var lifecycle = await LatestMintAsync(symbol);
        return lifecycle is [var first, ..]
            ? await (await rebalancing.HostAsync()).Store.LoadAsync(TokenizedEquityMintDecider.Kind, first.AggregateId, CancellationToken.None)
            : null;
    }

    /// <summary>How many broker orders were filled after the symbol's latest mint was accepted and before it ended.</summary>
    public async Task<int> HedgesFilledWhileMintInFlightAsync(Symbol symbol)
    {
        var lifecycle = await LatestMintAsync(symbol);
        var accepted = lifecycle.FirstOrDefault(row => row.EventName == "MintAccepted")
            ?? throw new InvalidOperationException($"No {symbol} mint was accepted: its events are {string.Join(", ", lifecycle.Select(row => row.EventName))}.");
        var ended = lifecycle[^1].GlobalPosition;
        return (await rebalancing.HostAsync()).Events("OffchainOrder")
            .Count(row => row.EventName == "Filled" && row.GlobalPosition > accepted.GlobalPosition && row.GlobalPosition < ended);
    }

    private async Task<IReadOnlyList<RecordedEvent>> LatestMintAsync(Symbol symbol)
    {
        var host = await rebalancing.HostAsync();
        var mints = new List<string>();
        foreach (var id in host.Events("TokenizedEquityMint").Select(row => row.AggregateId).Distinct())
        {
            var mint = await host.Store.LoadAsync(TokenizedEquityMintDecider.Kind, id, CancellationToken.None);
            if (TokenizedEquityMintDecider.TermsOf(mint)?.Symbol == symbol)
                mints.Add(id);
        }
        return Latest(host.Events("TokenizedEquityMint"), id => mints.Contains(id));
    }

    private async Task<IReadOnlyList<RecordedEvent>> LatestRedemptionAsync(Symbol symbol)
    {
        var host = await rebalancing.HostAsync();
        var redemptions = new List<string>();
        foreach (var id in host.Events("EquityRedemption").Select(row => row.AggregateId).Distinct())
        {
            var redemption = await host.Store.LoadAsync(EquityRedemptionDecider.Kind, id, CancellationToken.None);
            if (EquityRedemptionDecider.TermsOf(redemption)?.Symbol == symbol)
                redemptions.Add(id);
        }
        return Latest(host.Events("EquityRedemption"), id => redemptions.Contains(id));
    }

    private static IReadOnlyList<RecordedEvent> Latest(IReadOnlyList<RecordedEvent> events, Func<string, bool> belongs)
    {
        var latest = events.LastOrDefault(row => belongs(row.AggregateId));
        return latest is null ? [] : [.. events.Where(row => row.AggregateId == latest.AggregateId)];
    }

    // A failure event carries its reason; the payload is {"<Name>":{…,"reason":"…"}}.
    private static MoveFailure? Failure(IReadOnlyList<RecordedEvent> lifecycle)
    {
        if (lifecycle is not [.., var last])
            return null;
        using var payload = JsonDocument.Parse(last.Payload);
        var fields = payload.RootElement.EnumerateObject().Single().Value;
        return fields.ValueKind == JsonValueKind.Object && fields.TryGetProperty("reason", out var reason)
            ? new MoveFailure(last.EventName, reason.GetString() ?? "")
            : null;
    }
}
