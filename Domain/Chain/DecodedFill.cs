using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// A fill of our order read from the chain: the equity token and amount, the direction seen from our order and
/// the price in USDC per share (exact quotient, not rounded). The vault ids are those of our order's two IOs.
/// </summary>
public sealed record DecodedFill(
    TradeId TradeId,
    long BlockNumber,
    DateTimeOffset? BlockTimestamp,
    string TokenSymbol,
    decimal Amount,
    Direction Direction,
    decimal PriceUsdc,
    decimal UsdcAmount,
    string EquityToken,
    string EquityVaultId,
    string UsdcToken,
    string UsdcVaultId)
{
    /// <summary>The event queue entry the queue processor turns into an on-chain trade.</summary>
    public ChainEvent ToChainEvent() =>
        new(TradeId.TxHash, TradeId.LogIndex, BlockNumber, BlockTimestamp, FillEventData.Write(TokenSymbol, Amount, Direction, PriceUsdc));

    /// <summary>The checked fill, as the queue processor will see it.</summary>
    public FillValidation ToOnChainFill() =>
        OnChainFill.Create(TradeId.TxHash, TradeId.LogIndex, TokenSymbol, Amount, Direction, PriceUsdc, BlockNumber, BlockTimestamp ?? DateTimeOffset.UnixEpoch);
}
