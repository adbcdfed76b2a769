namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>An address Alpaca may withdraw to; only <c>APPROVED</c> entries can be used.</summary>
public sealed record WhitelistEntry(string Id, string Address, string Asset, string Chain, string Status)
{
    public bool IsApprovedFor(string address, string asset) =>
        string.Equals(Address, address, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Asset, asset, StringComparison.OrdinalIgnoreCase)
        && Status == "APPROVED";
}
