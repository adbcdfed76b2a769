namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>A USDC transfer in or out of the Alpaca wallet.</summary>
public sealed record WalletTransfer(Guid Id, string? TxHash, string Direction, decimal Amount, TransferStatus Status);
