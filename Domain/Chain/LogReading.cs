using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>What a confirmed orderbook log turned out to be (DOMAIN §12.3 step 6: one home per case).</summary>
public abstract record LogReading
{
    private LogReading()
    {
    }

    /// <summary>Not a trade of ours (another owner, another event, no equity moved): nothing is recorded.</summary>
    public sealed record Ignored(string Why) : LogReading;

    /// <summary>A fill of our order to hedge.</summary>
    public sealed record Filled(DecodedFill Fill) : LogReading;

    /// <summary>A trade of ours that cannot be hedged by design (<c>non_hedgeable_pair</c>, <c>unpriceable_fill</c>): recorded, not an error.</summary>
    public sealed record Skipped(TradeId TradeId, long BlockNumber, string Reason, string Detail) : LogReading;

    /// <summary>A log the bot cannot read or refuses: a dead letter, never retried.</summary>
    public sealed record Refused(TradeId TradeId, long BlockNumber, string Reason) : LogReading;
}
