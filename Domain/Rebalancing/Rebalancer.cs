using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Acceptance.Domain.EquityRedemptions;
using TradingBot.Acceptance.Domain.Rebalancing.Managers;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.TokenizedEquityMints;
using TradingBot.Acceptance.Domain.UsdcRebalances;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>
/// §8.4: takes one operation at a time from the trigger's channel and awaits its whole workflow.
/// Errors are logged, never retried; a workflow that ends without its aggregate's terminal event
/// (it failed before genesis, or before the withdrawal was initiated) has its guard released here.
/// While <paramref name="halted"/> says so (the kill switch is engaged), no operation starts: its guard is
/// released, and the trigger asks again when it next sees the imbalance.
/// </summary>
public sealed class Rebalancer(
    RebalancingTrigger trigger, IAggregateStore store, IMint mint, IRedeem redeem, IUsdcRebalance usdc,
    RebalancingConfig config, ILogger<Rebalancer>? logger = null, Func<bool>? halted = null)
{
    private readonly ILogger log = logger ?? NullLogger<Rebalancer>.Instance;

    /// <summary>Runs until the trigger's channel is completed.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var operation in trigger.Operations.ReadAllAsync(cancellationToken))
            await ExecuteAsync(operation, cancellationToken);
    }

    /// <summary>
    /// Runs the operations waiting in the channel now, one after the other, then returns. Operations
    /// sent meanwhile (a failed move whose cash returned is detected again) wait for the next run, so
    /// a move that keeps failing cannot keep one run going for ever.
    /// </summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        for (var waiting = trigger.Operations.Count; waiting > 0 && trigger.Operations.TryRead(out var operation); waiting--)
            await ExecuteAsync(operation, cancellationToken);
    }

    /// <summary>Runs one operation's whole workflow; true when the move completed, false when it failed or stopped early.</summary>
    public async Task<bool> ExecuteAsync(RebalanceOperation operation, CancellationToken cancellationToken)
    {
        if (halted?.Invoke() is true)
        {
            log.WorkflowEndedEarly(operation, "not started: the kill switch is engaged");
            Release(operation);
            return false;
        }

        var id = Guid.NewGuid();
        try
        {
            await RunWorkflowAsync(id, operation, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log.WorkflowFailed(operation, exception);
        }
        var outcome = await OutcomeAsync(id, operation, CancellationToken.None);
        if (outcome is null)
        {
            log.WorkflowEndedEarly(operation, "guard released by the Rebalancer");
            Release(operation);
        }
        return outcome is true;
    }

    private Task RunWorkflowAsync(Guid id, RebalanceOperation operation, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case RebalanceOperation.Mint request:
                return mint.ExecuteMintAsync(id, request.Symbol, request.Quantity, config.MarketMakerWallet, cancellationToken);
            case RebalanceOperation.Redemption request:
                var (units, error) = TokenUnits.FromShares(request.Quantity.Value);
                if (error is not null)
                {
                    log.StepFailed($"redemption of {request.Quantity} {request.Symbol} cannot become token units: {error}");
                    return Task.CompletedTask;
                }
                return redeem.ExecuteRedemptionAsync(id, request.Symbol, request.Quantity, units, request.Token, cancellationToken);
            case RebalanceOperation.UsdcAlpacaToBase move:
                return usdc.ExecuteAlpacaToBaseAsync(id, move.Amount, cancellationToken);
            case RebalanceOperation.UsdcBaseToAlpaca move:
                return usdc.ExecuteBaseToAlpacaAsync(id, move.Amount, cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown rebalancing operation");
        }
    }

    // Null: the aggregate did not reach a terminal event; else whether that event is the move's success.
    private async Task<bool?> OutcomeAsync(Guid id, RebalanceOperation operation, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case RebalanceOperation.Mint:
                var mint = await store.LoadAsync(TokenizedEquityMintDecider.Kind, id.ToString(), cancellationToken);
                return TokenizedEquityMintDecider.IsTerminal(mint) ? mint is TokenizedEquityMint.Completed : null;
            case RebalanceOperation.Redemption:
                var redemption = await store.LoadAsync(EquityRedemptionDecider.Kind, id.ToString(), cancellationToken);
                return EquityRedemptionDecider.IsTerminal(redemption) ? redemption is EquityRedemption.Completed : null;
            default:
                var move = await store.LoadAsync(UsdcRebalanceDecider.Kind, id.ToString(), cancellationToken);
                return UsdcRebalanceEvolution.IsTerminal(move)
                    ? move is UsdcRebalance.ConvertedAfterDeposit or UsdcRebalance.DepositConfirmed
                    : null;
        }
    }

    private void Release(RebalanceOperation operation)
    {
        switch (operation)
        {
            case RebalanceOperation.Mint request:
                trigger.ReleaseEquity(request.Symbol);
                break;
            case RebalanceOperation.Redemption request:
                trigger.ReleaseEquity(request.Symbol);
                break;
            default:
                trigger.ReleaseUsdc();
                break;
        }
    }
}
