using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Timing;
using Command = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceCommand;
using UsdcCommands = TradingBot.Acceptance.Domain.Rebalancing.Managers.AggregateCommands<
    TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalance,
    TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceCommand,
    TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceEvent,
    TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceError>;

namespace TradingBot.Acceptance.Domain.Rebalancing.Managers;

/// <summary>
/// Moves withdrawn USDC over CCTP V2: fee lookup and burn, Circle's attestation (every 5 s, at most 60
/// tries), then <c>receiveMessage</c>. Any failure records <c>FailBridging</c>.
/// </summary>
public sealed class CctpBridgingStep(ICctpBridge bridge, ICctpAttestation attestation, TimeProvider clock, IClockWait? wait = null)
{
    public static readonly TimeSpan AttestationInterval = TimeSpan.FromSeconds(5);
    public const int AttestationTries = 60;

    private readonly StatusPolling polling = new(clock, wait);

    /// <summary>Returns the amount received on the destination, or null after <c>FailBridging</c>.</summary>
    public async Task<Usd?> BridgeAsync(
        UsdcCommands move, CctpChain source, CctpChain destination, Usd amount, string recipient, CancellationToken cancellationToken)
    {
        var burnTx = await BurnAsync(move, source, destination, amount, recipient, cancellationToken);
        if (burnTx is null)
            return null;
        var attested = await polling.PollAsync(
            token => attestation.GetAttestedMessageAsync(source, burnTx, token),
            AttestationInterval, StatusPolling.ManagerTimeout, AttestationTries, cancellationToken);
        if (attested is not PollOutcome<AttestedMessage>.Answered { Value: var message })
        {
            var reason = attested is PollOutcome<AttestedMessage>.Failed failed ? failed.Reason : ((PollOutcome<AttestedMessage>.GaveUp)attested).Reason;
            await move.ExecuteAsync(new Command.FailBridging($"Attestation polling failed: {reason}"), cancellationToken);
            return null;
        }
        if (!await move.ExecuteAsync(new Command.ReceiveAttestation(message.Attestation, message.CctpNonce), cancellationToken))
            return null;
        return await ReceiveAsync(move, destination, message, cancellationToken);
    }

    private async Task<string?> BurnAsync(
        UsdcCommands move, CctpChain source, CctpChain destination, Usd amount, string recipient, CancellationToken cancellationToken)
    {
        try
        {
            var bps = await attestation.GetFastTransferFeeBpsAsync(source, destination, cancellationToken);
            if (bps is null)
            {
                await move.ExecuteAsync(new Command.FailBridging("FastTransferFeeNotAvailable"), cancellationToken);
                return null;
            }
            var (units, _) = TokenUnits.FromUsdc(amount.Value);
            var burnTx = await bridge.BurnAsync(
                source, destination, units, CircleAttestationClient.MaxFee(units, bps.Value), recipient, cancellationToken);
            return await move.ExecuteAsync(new Command.InitiateBridging(burnTx), cancellationToken) ? burnTx : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await move.ExecuteAsync(new Command.FailBridging($"Burn failed: {exception.Message}"), cancellationToken);
            return null;
        }
    }

    private async Task<Usd?> ReceiveAsync(
        UsdcCommands move, CctpChain destination, AttestedMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var receipt = await bridge.ReceiveMessageAsync(destination, message, cancellationToken);
            var received = new Usd(TokenUnits.ToUsdc(receipt.Amount));
            var fee = new Usd(TokenUnits.ToUsdc(receipt.FeeCollected));
            return await move.ExecuteAsync(new Command.ConfirmBridging(receipt.TxHash, received, fee), cancellationToken)
                ? received
                : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await move.ExecuteAsync(new Command.FailBridging($"receiveMessage failed: {exception.Message}"), cancellationToken);
            return null;
        }
    }
}
