namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>A refused mint request; <see cref="Reason"/> is what <c>MintRejected</c> records.</summary>
public sealed record TokenizationError(TokenizationErrorKind Kind, int Status, string Body)
{
    public string Reason => $"Alpaca API error: {Status} {Body}";
}
