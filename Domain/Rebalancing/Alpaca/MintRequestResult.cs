namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>Alpaca's answer to a mint request.</summary>
public abstract record MintRequestResult
{
    private MintRequestResult() { }

    public sealed record Accepted(string IssuerRequestId, string TokenizationRequestId) : MintRequestResult;

    public sealed record Refused(TokenizationError Error) : MintRequestResult;
}
