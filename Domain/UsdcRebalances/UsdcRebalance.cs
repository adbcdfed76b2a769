namespace TradingBot.Acceptance.Domain.UsdcRebalances;

/// <summary>Every state a USDC move can be in, and no others.</summary>
public abstract record UsdcRebalance
{
    private UsdcRebalance() { }

    public sealed record NotStarted : UsdcRebalance;

    public sealed record Converting(UsdcRebalanceFacts Facts) : UsdcRebalance;

    public sealed record ConversionComplete(UsdcRebalanceFacts Facts) : UsdcRebalance;

    public sealed record ConversionFailed(UsdcRebalanceFacts Facts, string Reason) : UsdcRebalance;

    public sealed record Withdrawing(UsdcRebalanceFacts Facts) : UsdcRebalance;

    public sealed record WithdrawalComplete(UsdcRebalanceFacts Facts) : UsdcRebalance;

    public sealed record WithdrawalFailed(UsdcRebalanceFacts Facts, string Reason) : UsdcRebalance;

    public sealed record Bridging(UsdcRebalanceFacts Facts) : UsdcRebalance;

    public sealed record Attested(UsdcRebalanceFacts Facts) : UsdcRebalance;

    public sealed record Bridged(UsdcRebalanceFacts Facts) : UsdcRebalance;

    public sealed record BridgingFailed(UsdcRebalanceFacts Facts, string Reason) : UsdcRebalance;

    public sealed record DepositInitiated(UsdcRebalanceFacts Facts) : UsdcRebalance;

    public sealed record DepositConfirmed(UsdcRebalanceFacts Facts) : UsdcRebalance;

    public sealed record DepositFailed(UsdcRebalanceFacts Facts, string Reason) : UsdcRebalance;

    /// <summary>BaseToAlpaca only: the USDC that arrived at Alpaca is being sold for dollars.</summary>
    public sealed record ConvertingAfterDeposit(UsdcRebalanceFacts Facts) : UsdcRebalance;

    /// <summary>BaseToAlpaca only: the move is complete.</summary>
    public sealed record ConvertedAfterDeposit(UsdcRebalanceFacts Facts) : UsdcRebalance;

    public sealed record ConversionFailedAfterDeposit(UsdcRebalanceFacts Facts, string Reason) : UsdcRebalance;
}
