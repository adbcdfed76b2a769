namespace TradingBot.Acceptance.Domain.Rebalancing.Persistence;

/// <summary>The result of one command: committed events and the state after them, or the broken rule.</summary>
public abstract record CommandOutcome<TState, TEvent, TError>
{
    private CommandOutcome() { }

    public sealed record Committed(TState State, IReadOnlyList<TEvent> Events) : CommandOutcome<TState, TEvent, TError>;

    public sealed record Rejected(TError Error) : CommandOutcome<TState, TEvent, TError>;
}
