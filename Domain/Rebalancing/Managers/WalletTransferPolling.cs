using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

namespace TradingBot.Acceptance.Domain.Rebalancing.Managers;

/// <summary>Follows one Alpaca wallet transfer until it is COMPLETE or FAILED; a status going backwards is an error.</summary>
public sealed class WalletTransferPolling(IAlpacaWallet wallet, TimeProvider clock, IClockWait? wait = null)
{
    private readonly StatusPolling polling = new(clock, wait);

    public Task<PollOutcome<WalletTransfer>> AwaitEndAsync(Func<WalletTransfer, bool> isOurs, CancellationToken cancellationToken)
    {
        TransferStatus? seen = null;
        return polling.PollAsync(
            async token =>
            {
                var transfer = (await wallet.ListTransfersAsync(token)).FirstOrDefault(isOurs);
                if (transfer is null)
                    return null;
                if (seen is { } previous && transfer.Status < previous)
                    throw new InvalidStatusTransitionException(previous, transfer.Status);
                seen = transfer.Status;
                return transfer.Status is TransferStatus.Complete or TransferStatus.Failed ? transfer : null;
            },
            cancellationToken);
    }

    /// <summary>The reason a failure records, or null when the transfer completed (for <paramref name="expected"/>, when given).</summary>
    public static string? FailureOf(PollOutcome<WalletTransfer> outcome, Usd? expected = null) => outcome switch
    {
        PollOutcome<WalletTransfer>.Answered { Value: { Status: TransferStatus.Complete } transfer }
            when expected is { } amount && transfer.Amount != amount.Value =>
            $"Alpaca moved {new Usd(transfer.Amount)} USDC for a transfer of {amount} USDC",
        PollOutcome<WalletTransfer>.Answered { Value.Status: TransferStatus.Complete } => null,
        PollOutcome<WalletTransfer>.Answered answered =>
            $"Transfer ended in status: {answered.Value.Status.ToString().ToUpperInvariant()}",
        PollOutcome<WalletTransfer>.GaveUp gaveUp => $"Polling failed: {gaveUp.Reason}",
        PollOutcome<WalletTransfer>.Failed failed => $"Polling failed: {failed.Reason}",
        _ => "Polling failed",
    };
}
