namespace TradingBot.Acceptance.Domain.UsdcRebalances;

/// <summary>The rule a USDC move command broke.</summary>
public abstract record UsdcRebalanceError
{
    private UsdcRebalanceError() { }

    public sealed record AlreadyInitiated : UsdcRebalanceError;

    public sealed record ConversionNotInitiated : UsdcRebalanceError;

    public sealed record ConversionAlreadyCompleted : UsdcRebalanceError;

    public sealed record WithdrawalNotInitiated : UsdcRebalanceError;

    public sealed record WithdrawalAlreadyCompleted : UsdcRebalanceError;

    public sealed record WithdrawalNotConfirmed : UsdcRebalanceError;

    public sealed record BridgingNotInitiated : UsdcRebalanceError;

    public sealed record BridgingAlreadyCompleted : UsdcRebalanceError;

    public sealed record AttestationNotReceived : UsdcRebalanceError;

    public sealed record BridgingNotCompleted : UsdcRebalanceError;

    public sealed record DepositNotInitiated : UsdcRebalanceError;

    public sealed record DepositNotConfirmed : UsdcRebalanceError;

    public sealed record WrongDirectionForPostDepositConversion : UsdcRebalanceError;

    public sealed record ConversionAmountMismatch(decimal Expected, decimal Requested) : UsdcRebalanceError;

    public sealed record InvalidCommand(string Reason) : UsdcRebalanceError;
}
