using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Acceptance.Domain.EquityRedemptions;
using TradingBot.Acceptance.Domain.InventorySnapshots;
using TradingBot.Acceptance.Domain.TokenizedEquityMints;
using TradingBot.Acceptance.Domain.UsdcRebalances;
using Mint = TradingBot.Acceptance.Domain.TokenizedEquityMints.TokenizedEquityMint;
using Move = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalance;
using Redemption = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemption;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>
/// Restart recovery of the rebalancing side (§10), from the database alone: every mint, redemption or USDC
/// move that has not ended holds its guard again (it is not resumed; it blocks its holding until resolved);
/// the inventory view starts from the latest InventorySnapshot plus what those moves left in flight; and the
/// trigger rebalances nothing until both venues' next snapshots (or a direct set of the view) are applied.
/// </summary>
public static class RebalancingRecovery
{
    private static readonly InventoryAsset Usdc = new InventoryAsset.Usdc();

    public static async Task RestoreAsync(RebalancingSide side, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(side);
        var snapshot = await side.Store.LoadAsync(InventorySnapshotDecider.Kind, side.Config.RegistryId, cancellationToken).ConfigureAwait(false);
        var assets = RestoreSnapshot(side.Inventory, snapshot);
        var guards = 0;
        foreach (var id in side.Database.AggregateIds(TokenizedEquityMintDecider.Kind.AggregateType))
            guards += RestoreMint(side, await side.Store.LoadAsync(TokenizedEquityMintDecider.Kind, id, cancellationToken).ConfigureAwait(false));
        foreach (var id in side.Database.AggregateIds(EquityRedemptionDecider.Kind.AggregateType))
            guards += RestoreRedemption(side, await side.Store.LoadAsync(EquityRedemptionDecider.Kind, id, cancellationToken).ConfigureAwait(false));
        foreach (var id in side.Database.AggregateIds(UsdcRebalanceDecider.Kind.AggregateType))
            guards += RestoreUsdcMove(side, await side.Store.LoadAsync(UsdcRebalanceDecider.Kind, id, cancellationToken).ConfigureAwait(false));
        side.Inventory.AwaitSnapshots();
        (logger ?? NullLogger.Instance).Restored(guards, assets);
    }

    private static int RestoreSnapshot(InventoryView view, InventorySnapshot snapshot)
    {
        var assets = new HashSet<InventoryAsset>();
        foreach (var (symbol, shares) in snapshot.OnchainEquity ?? [])
            Apply(new InventoryAsset.Equity(symbol), Venue.Onchain, shares.Value);
        foreach (var (symbol, shares) in snapshot.OffchainEquity ?? [])
            Apply(new InventoryAsset.Equity(symbol), Venue.Offchain, shares.Value);
        if (snapshot.OnchainCash is { } usdc)
            Apply(Usdc, Venue.Onchain, usdc.Value);
        if (snapshot.OffchainCashCents is { } cents)
            Apply(Usdc, Venue.Offchain, cents / 100m);
        return assets.Count;

        void Apply(InventoryAsset asset, Venue venue, decimal available)
        {
            view.ApplySnapshot(asset, venue, available);
            assets.Add(asset);
        }
    }

    private static int RestoreMint(RebalancingSide side, Mint mint)
    {
        if (TokenizedEquityMintDecider.IsTerminal(mint) || TokenizedEquityMintDecider.TermsOf(mint) is not { } terms)
            return 0;
        side.Trigger.TryClaimEquity(terms.Symbol);
        // Accepted: the shares left the broker and the tokens have not arrived.
        if (mint is Mint.Accepted)
            side.Inventory.RestoreInflight(new InventoryAsset.Equity(terms.Symbol), Venue.Offchain, terms.Quantity.Value);
        return 1;
    }

    private static int RestoreRedemption(RebalancingSide side, Redemption redemption)
    {
        if (EquityRedemptionDecider.IsTerminal(redemption) || EquityRedemptionDecider.TermsOf(redemption) is not { } terms)
            return 0;
        side.Trigger.TryClaimEquity(terms.Symbol);
        side.Inventory.RestoreInflight(new InventoryAsset.Equity(terms.Symbol), Venue.Onchain, terms.Quantity.Value);
        return 1;
    }

    private static int RestoreUsdcMove(RebalancingSide side, Move move)
    {
        if (UsdcRebalanceEvolution.IsTerminal(move) || UsdcRebalanceDecider.FactsOf(move) is not { } facts)
            return 0;
        side.Trigger.TryClaimUsdc();
        // Withdrawn and not yet bridged: the cash left its venue and has not arrived.
        if (move is Move.Withdrawing or Move.WithdrawalComplete or Move.Bridging or Move.Attested)
        {
            var source = facts.Direction == RebalanceDirection.AlpacaToBase ? Venue.Offchain : Venue.Onchain;
            side.Inventory.RestoreInflight(Usdc, source, (facts.WithdrawnAmount ?? facts.Amount).Value);
        }
        return 1;
    }
}
