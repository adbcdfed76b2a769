using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>A fill of our order as the chain feed carries it (see <see cref="ChainFillMessage"/>).</summary>
public sealed record ChainFill(
    string TxHash,
    long LogIndex,
    long BlockNumber,
    DateTimeOffset BlockTimestamp,
    string TokenSymbol,
    decimal Amount,
    Direction Direction,
    decimal Price);
