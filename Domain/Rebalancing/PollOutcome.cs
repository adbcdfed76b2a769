namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>How a poll ended: with an answer, out of time or tries, or with an error.</summary>
public abstract record PollOutcome<T>
{
    private PollOutcome() { }

    public sealed record Answered(T Value) : PollOutcome<T>;

    public sealed record GaveUp(string Reason) : PollOutcome<T>;

    public sealed record Failed(string Reason) : PollOutcome<T>;
}
