namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>The broker's answer to a cancel request; how the order ended is read from its status.</summary>
public abstract record CancelResult
{
    private CancelResult() { }

    /// <summary>The broker took the request; the order ends canceled unless it filled first.</summary>
    public sealed record Requested : CancelResult;

    /// <summary>The order had already ended (filled, canceled, expired): read its status.</summary>
    public sealed record AlreadyEnded : CancelResult;

    /// <summary>No answer to the request: it is sent again on the next check.</summary>
    public sealed record Unanswered(BrokerFailure Failure) : CancelResult;
}
