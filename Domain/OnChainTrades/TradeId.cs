using System.Globalization;

namespace TradingBot.Acceptance.Domain.OnChainTrades;

/// <summary>A fill's id: the transaction and the log within it. Text form <c>"{tx_hash}:{log_index}"</c>.</summary>
public readonly record struct TradeId(string TxHash, long LogIndex)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TxHash}:{LogIndex}");
}
