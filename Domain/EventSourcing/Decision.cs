namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>What a decider concluded: the events to append (none for a repeated command), or the broken rule.</summary>
public abstract record Decision<TEvent, TError>
{
    private Decision() { }

    public sealed record Accepted(IReadOnlyList<TEvent> Events) : Decision<TEvent, TError>;

    public sealed record Rejected(TError Error) : Decision<TEvent, TError>;
}
