namespace TradingBot.Acceptance.Domain.Execution.BrokerHttp;

/// <summary>What one broker call came to, after retries, before the adapter reads the body.</summary>
public abstract record BrokerHttpOutcome
{
    private BrokerHttpOutcome() { }

    /// <summary>Why the call gave no usable answer; only for outcomes that are not <see cref="Answered"/>.</summary>
    public BrokerFailure ToFailure() => this switch
    {
        Refused refused => refused.Failure,
        Uncertain uncertain => uncertain.Failure,
        _ => throw new InvalidOperationException("An answered call has no failure."),
    };

    /// <summary>A 2xx answer, body read.</summary>
    public sealed record Answered(int StatusCode, string Body, Uri? Location) : BrokerHttpOutcome;

    /// <summary>The broker certainly did not act on the request (4xx, 429 exhausted, not sent).</summary>
    public sealed record Refused(BrokerFailure Failure, int? StatusCode) : BrokerHttpOutcome;

    /// <summary>The request may have been acted on (5xx, timeout, connection lost after sending).</summary>
    public sealed record Uncertain(BrokerFailure Failure) : BrokerHttpOutcome;
}
