namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Where an aggregate is in its life: not created yet, live with a state, or failed because an event
/// could not be applied (a failed aggregate refuses every command).
/// </summary>
public abstract record Lifecycle<TState> where TState : class
{
    private Lifecycle() { }

    public sealed record Uninitialized : Lifecycle<TState>;

    public sealed record Live(TState State) : Lifecycle<TState>;

    public sealed record Failed(LifecycleError Error, TState? LastValidState) : Lifecycle<TState>;

    /// <summary>Folds one event; an event that cannot apply fails the aggregate instead of throwing.</summary>
    public Lifecycle<TState> Apply<TEvent>(IAggregate<TState, TEvent> aggregate, TEvent @event) =>
        this switch
        {
            Failed failed => failed,
            Live live => Evolve(aggregate, live.State, @event),
            _ => Evolve(aggregate, null, @event),
        };

    private static Lifecycle<TState> Evolve<TEvent>(IAggregate<TState, TEvent> aggregate, TState? state, TEvent @event)
    {
        try
        {
            return new Live(aggregate.Evolve(state, @event));
        }
        catch (CorruptStreamException exception)
        {
            return new Failed(exception.Error, state);
        }
        catch (OverflowException exception)
        {
            return new Failed(new LifecycleError.Arithmetic(exception.Message), state);
        }
    }
}
