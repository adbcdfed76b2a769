using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>How often the event log applied one on-chain fill: as a trade, and to its position.</summary>
public sealed record FillApplication(TradeId TradeId, int TradesRecorded, int PositionFills);
