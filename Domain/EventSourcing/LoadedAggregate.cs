namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>An aggregate as replayed: its lifecycle and its version (the last sequence, 0 when empty).</summary>
public sealed record LoadedAggregate<TState>(string AggregateType, string AggregateId, Lifecycle<TState> Lifecycle, long Version)
    : IVersionedAggregate
    where TState : class
{
    /// <summary>The live state, or <c>null</c> when the aggregate does not exist yet.</summary>
    /// <exception cref="AggregateFailedException">The stream could not be folded.</exception>
    public TState? State => Lifecycle switch
    {
        Lifecycle<TState>.Live live => live.State,
        Lifecycle<TState>.Failed failed => throw new AggregateFailedException(AggregateType, AggregateId, failed.Error),
        _ => null,
    };

    /// <inheritdoc cref="IVersionedAggregate.IsSettled"/>
    public bool IsSettled => Lifecycle is Lifecycle<TState>.Live { State: ISettledState { IsSettled: true } };
}
