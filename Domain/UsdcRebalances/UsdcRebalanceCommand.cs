using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.UsdcRebalances;

public abstract record UsdcRebalanceCommand
{
    private UsdcRebalanceCommand() { }

    public sealed record InitiateConversion(RebalanceDirection Direction, Usd Amount, Guid OrderId) : UsdcRebalanceCommand;

    public sealed record ConfirmConversion(Usd FilledAmount) : UsdcRebalanceCommand;

    public sealed record FailConversion(string Reason) : UsdcRebalanceCommand;

    public sealed record Initiate(RebalanceDirection Direction, Usd Amount, TransferRef WithdrawalRef) : UsdcRebalanceCommand;

    public sealed record ConfirmWithdrawal : UsdcRebalanceCommand;

    public sealed record FailWithdrawal(string Reason) : UsdcRebalanceCommand;

    public sealed record InitiateBridging(string BurnTxHash) : UsdcRebalanceCommand;

    public sealed record ReceiveAttestation(string Attestation, string CctpNonce) : UsdcRebalanceCommand;

    public sealed record ConfirmBridging(string MintTxHash, Usd AmountReceived, Usd FeeCollected) : UsdcRebalanceCommand;

    public sealed record FailBridging(string Reason) : UsdcRebalanceCommand;

    public sealed record InitiateDeposit(TransferRef DepositRef) : UsdcRebalanceCommand;

    public sealed record ConfirmDeposit : UsdcRebalanceCommand;

    public sealed record FailDeposit(string Reason) : UsdcRebalanceCommand;

    public sealed record InitiatePostDepositConversion(Guid OrderId, Usd Amount) : UsdcRebalanceCommand;
}
