using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Positions;

/// <summary>
/// The exposure of one symbol: the signed net (on-chain buys add, sells subtract, hedges move it back),
/// lifetime on-chain totals, and the execution it waits on, if any.
/// </summary>
public sealed record Position(
    Symbol Symbol,
    FractionalShares Net,
    FractionalShares AccumulatedLong,
    FractionalShares AccumulatedShort,
    ExecutionId? PendingExecutionId,
    ExecutionThreshold Threshold,
    Usd? LastPriceUsdc,
    DateTimeOffset LastUpdated);
