namespace TradingBot.Acceptance.Domain.TokenizedEquityMints;

/// <summary>The rule a mint command broke.</summary>
public abstract record TokenizedEquityMintError
{
    private TokenizedEquityMintError() { }

    public sealed record AlreadyInProgress : TokenizedEquityMintError;

    public sealed record NotRequested : TokenizedEquityMintError;

    public sealed record NotAccepted : TokenizedEquityMintError;

    public sealed record TokensNotReceived : TokenizedEquityMintError;

    public sealed record AlreadyCompleted : TokenizedEquityMintError;

    public sealed record AlreadyFailed : TokenizedEquityMintError;
}
