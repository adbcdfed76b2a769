namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>One USDC transfer in or out of the simulated Alpaca wallet, with the status Alpaca reports for it now.</summary>
public sealed class WalletEntry(string id, string? txHash, string direction, decimal amount, string address)
{
    public string Id { get; } = id;
    public string? TxHash { get; } = txHash;
    public string Direction { get; } = direction;
    public decimal Amount { get; } = amount;
    public string Address { get; } = address;
    public string Status { get; set; } = "PENDING";
}
