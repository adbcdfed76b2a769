using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.UsdcRebalances;

/// <summary>What a USDC move has learnt so far; each step adds its own facts.</summary>
public sealed record UsdcRebalanceFacts(RebalanceDirection Direction, Usd Amount)
{
    public Guid? OrderId { get; init; }
    public Usd? FilledAmount { get; init; }
    public TransferRef? WithdrawalRef { get; init; }
    public Usd? WithdrawnAmount { get; init; }
    public string? BurnTxHash { get; init; }
    public string? Attestation { get; init; }
    public string? CctpNonce { get; init; }
    public string? MintTxHash { get; init; }
    public Usd? AmountReceived { get; init; }
    public Usd? FeeCollected { get; init; }
    public TransferRef? DepositRef { get; init; }
}
