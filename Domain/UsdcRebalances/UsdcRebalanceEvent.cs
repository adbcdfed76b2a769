using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.UsdcRebalances;

public abstract record UsdcRebalanceEvent
{
    private UsdcRebalanceEvent() { }

    public sealed record ConversionInitiated(RebalanceDirection Direction, Usd Amount, Guid OrderId, DateTimeOffset InitiatedAt)
        : UsdcRebalanceEvent;

    public sealed record ConversionConfirmed(RebalanceDirection Direction, Usd FilledAmount, DateTimeOffset ConvertedAt)
        : UsdcRebalanceEvent;

    public sealed record ConversionFailed(string Reason, DateTimeOffset FailedAt) : UsdcRebalanceEvent;

    public sealed record Initiated(RebalanceDirection Direction, Usd Amount, TransferRef WithdrawalRef, DateTimeOffset InitiatedAt)
        : UsdcRebalanceEvent;

    public sealed record WithdrawalConfirmed(DateTimeOffset ConfirmedAt) : UsdcRebalanceEvent;

    public sealed record WithdrawalFailed(string Reason, DateTimeOffset FailedAt) : UsdcRebalanceEvent;

    public sealed record BridgingInitiated(string BurnTxHash, DateTimeOffset BurnedAt) : UsdcRebalanceEvent;

    public sealed record BridgeAttestationReceived(string Attestation, string CctpNonce, DateTimeOffset AttestedAt)
        : UsdcRebalanceEvent;

    public sealed record Bridged(string MintTxHash, Usd AmountReceived, Usd FeeCollected, DateTimeOffset MintedAt)
        : UsdcRebalanceEvent;

    public sealed record BridgingFailed(string? BurnTxHash, string? CctpNonce, string Reason, DateTimeOffset FailedAt)
        : UsdcRebalanceEvent;

    public sealed record DepositInitiated(TransferRef DepositRef, DateTimeOffset DepositInitiatedAt) : UsdcRebalanceEvent;

    public sealed record DepositConfirmed(RebalanceDirection Direction, DateTimeOffset DepositConfirmedAt) : UsdcRebalanceEvent;

    public sealed record DepositFailed(TransferRef? DepositRef, string Reason, DateTimeOffset FailedAt) : UsdcRebalanceEvent;
}
