using TradingBot.Acceptance.Domain.EquityRedemptions;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.InventorySnapshots;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.TokenizedEquityMints;
using TradingBot.Acceptance.Domain.UsdcRebalances;

namespace TradingBot.Acceptance.Domain.Rebalancing;

// How committed events move the inventory and the guards (§8.1, §8.3).
public sealed partial class RebalancingTrigger
{
    private static readonly InventoryAsset UsdcAsset = new InventoryAsset.Usdc();

    public async Task ReactAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var committed in events)
        {
            switch (committed.Event)
            {
                case TokenizedEquityMintEvent mint:
                    await ReactToMintAsync(committed.AggregateId, mint, cancellationToken);
                    break;
                case EquityRedemptionEvent redemption:
                    await ReactToRedemptionAsync(committed.AggregateId, redemption, cancellationToken);
                    break;
                case UsdcRebalanceEvent move:
                    await ReactToUsdcMoveAsync(committed.AggregateId, move, cancellationToken);
                    break;
                case InventorySnapshotEvent snapshot:
                    await ReactToSnapshotAsync(snapshot, cancellationToken);
                    break;
                case PositionEvent.OnChainOrderFilled fill:
                    await OnChainOrderFilledAsync(new Symbol(committed.AggregateId), fill.Amount, fill.Direction, cancellationToken);
                    break;
                case PositionEvent.OffChainOrderFilled fill:
                    await OffChainOrderFilledAsync(new Symbol(committed.AggregateId), fill.SharesFilled, fill.Direction, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>An on-chain fill of our order moves the on-chain balance, then checks that symbol.</summary>
    public Task OnChainOrderFilledAsync(Symbol symbol, FractionalShares amount, Direction direction, CancellationToken cancellationToken) =>
        FillAsync(symbol, Venue.Onchain, amount, direction, cancellationToken);

    /// <summary>A broker fill of a hedge moves the off-chain balance, then checks that symbol.</summary>
    public Task OffChainOrderFilledAsync(Symbol symbol, FractionalShares shares, Direction direction, CancellationToken cancellationToken) =>
        FillAsync(symbol, Venue.Offchain, shares, direction, cancellationToken);

    private Task FillAsync(Symbol symbol, Venue venue, FractionalShares amount, Direction direction, CancellationToken cancellationToken)
    {
        var asset = new InventoryAsset.Equity(symbol);
        _ = direction == Direction.Buy
            ? View.AddAvailable(asset, venue, amount.Value)
            : View.RemoveAvailable(asset, venue, amount.Value);
        return CheckAndTriggerEquityAsync(symbol, cancellationToken);
    }

    private async Task ReactToMintAsync(string id, TokenizedEquityMintEvent mint, CancellationToken cancellationToken)
    {
        var state = await store.LoadAsync(TokenizedEquityMintDecider.Kind, id, cancellationToken);
        if (TokenizedEquityMintDecider.TermsOf(state) is not { } terms)
            return;
        var asset = new InventoryAsset.Equity(terms.Symbol);
        var quantity = terms.Quantity.Value;
        _ = mint switch
        {
            TokenizedEquityMintEvent.MintAccepted => View.MoveToInflight(asset, Venue.Offchain, quantity),
            TokenizedEquityMintEvent.MintAcceptanceFailed => View.CancelInflight(asset, Venue.Offchain, quantity),
            TokenizedEquityMintEvent.TokensReceived => View.ConfirmInflight(asset, Venue.Offchain, quantity, quantity),
            _ => null,
        };
        if (mint is TokenizedEquityMintEvent.MintCompleted completed)
            View.MarkRebalanced(asset, completed.CompletedAt);
        if (mint is TokenizedEquityMintEvent.MintCompleted or TokenizedEquityMintEvent.MintRejected
            or TokenizedEquityMintEvent.MintAcceptanceFailed or TokenizedEquityMintEvent.RaindexDepositFailed)
            ReleaseThenCheckUsdc(() => ReleaseEquity(terms.Symbol));
    }

    private async Task ReactToRedemptionAsync(string id, EquityRedemptionEvent redemption, CancellationToken cancellationToken)
    {
        var state = await store.LoadAsync(EquityRedemptionDecider.Kind, id, cancellationToken);
        if (EquityRedemptionDecider.TermsOf(state) is not { } terms)
            return;
        var asset = new InventoryAsset.Equity(terms.Symbol);
        var quantity = terms.Quantity.Value;
        switch (redemption)
        {
            case EquityRedemptionEvent.TokensSent:
                View.MoveToInflight(asset, Venue.Onchain, quantity);
                break;
            case EquityRedemptionEvent.Completed completed:
                View.ConfirmInflight(asset, Venue.Onchain, quantity, quantity);
                View.MarkRebalanced(asset, completed.CompletedAt);
                break;
        }
        // A failed detection or a rejection leaves the tokens in flight for manual resolution.
        if (EquityRedemptionDecider.IsTerminal(state))
            ReleaseThenCheckUsdc(() => ReleaseEquity(terms.Symbol));
    }

    private async Task ReactToUsdcMoveAsync(string id, UsdcRebalanceEvent move, CancellationToken cancellationToken)
    {
        var state = await store.LoadAsync(UsdcRebalanceDecider.Kind, id, cancellationToken);
        if (UsdcRebalanceDecider.FactsOf(state) is not { } facts)
            return;
        var source = facts.Direction == RebalanceDirection.AlpacaToBase ? Venue.Offchain : Venue.Onchain;
        var withdrawn = facts.WithdrawnAmount?.Value ?? facts.Amount.Value;
        switch (move)
        {
            case UsdcRebalanceEvent.Initiated initiated:
                View.MoveToInflight(UsdcAsset, source, initiated.Amount.Value);
                break;
            case UsdcRebalanceEvent.WithdrawalFailed:
                View.CancelInflight(UsdcAsset, source, withdrawn);
                break;
            case UsdcRebalanceEvent.Bridged bridged:
                View.ConfirmInflight(UsdcAsset, source, withdrawn, bridged.AmountReceived.Value);
                break;
            case UsdcRebalanceEvent.DepositConfirmed confirmed:
                View.MarkRebalanced(UsdcAsset, confirmed.DepositConfirmedAt);
                break;
        }
        if (UsdcRebalanceEvolution.IsTerminal(state) && IsLastEventOf(state, move))
            ReleaseThenCheckUsdc(ReleaseUsdc);
    }

    // The state is loaded after the whole commit: only the event that ended the move releases the guard.
    private static bool IsLastEventOf(UsdcRebalance state, UsdcRebalanceEvent move) => (state, move) switch
    {
        (UsdcRebalance.DepositConfirmed, UsdcRebalanceEvent.DepositConfirmed) => true,
        (UsdcRebalance.ConvertedAfterDeposit, UsdcRebalanceEvent.ConversionConfirmed) => true,
        (_, UsdcRebalanceEvent.ConversionFailed or UsdcRebalanceEvent.WithdrawalFailed
            or UsdcRebalanceEvent.BridgingFailed or UsdcRebalanceEvent.DepositFailed) => true,
        _ => false,
    };

    private async Task ReactToSnapshotAsync(InventorySnapshotEvent snapshot, CancellationToken cancellationToken)
    {
        switch (snapshot)
        {
            case InventorySnapshotEvent.OnchainEquity equity:
                await ApplyEquitySnapshotAsync(equity.Balances, Venue.Onchain, cancellationToken);
                break;
            case InventorySnapshotEvent.OffchainEquity equity:
                await ApplyEquitySnapshotAsync(equity.Positions, Venue.Offchain, cancellationToken);
                break;
            case InventorySnapshotEvent.OnchainCash cash:
                View.ApplySnapshot(UsdcAsset, Venue.Onchain, cash.UsdcBalance.Value);
                CheckAndTriggerUsdc();
                break;
            case InventorySnapshotEvent.OffchainCash cash:
                View.ApplySnapshot(UsdcAsset, Venue.Offchain, cash.CashBalanceCents / 100m);
                CheckAndTriggerUsdc();
                break;
        }
    }

    private async Task ApplyEquitySnapshotAsync(
        IReadOnlyDictionary<Symbol, FractionalShares> holdings, Venue venue, CancellationToken cancellationToken)
    {
        foreach (var (symbol, shares) in holdings)
        {
            View.ApplySnapshot(new InventoryAsset.Equity(symbol), venue, shares.Value);
            await CheckAndTriggerEquityAsync(symbol, cancellationToken);
        }
    }

    private void ReleaseThenCheckUsdc(Action release)
    {
        release();
        CheckAndTriggerUsdc();
    }
}
