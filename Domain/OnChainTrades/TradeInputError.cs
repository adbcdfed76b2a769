namespace TradingBot.Acceptance.Domain.OnChainTrades;

/// <summary>A fill that cannot be a trade: <paramref name="Field"/> names the bad field, <paramref name="Code"/> the rule.</summary>
public sealed record TradeInputError(string Field, string Code, string Message)
{
    public override string ToString() => $"{Field}: {Message} ({Code})";
}
