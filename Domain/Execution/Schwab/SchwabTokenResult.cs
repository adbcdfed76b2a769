namespace TradingBot.Acceptance.Domain.Execution.Schwab;

/// <summary>An access token to send, or why there is none.</summary>
public abstract record SchwabTokenResult
{
    private SchwabTokenResult() { }

    public sealed record Granted(string AccessToken) : SchwabTokenResult
    {
        public override string ToString() => "Granted { AccessToken = *** }";
    }

    public sealed record Failed(BrokerFailure Failure) : SchwabTokenResult;
}
