namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>Thrown by an evolve function for an event that cannot apply; the fold turns it into a failed aggregate.</summary>
public sealed class EventApplicationException : Exception
{
    public EventApplicationException(LifecycleError error)
        : base($"The event cannot be applied: {error}") => Error = error;

    public EventApplicationException() : this(new LifecycleError.Uninitialized()) { }

    public EventApplicationException(string message) : base(message) => Error = new LifecycleError.Mismatch("unknown", message);

    public EventApplicationException(string message, Exception innerException)
        : base(message, innerException) => Error = new LifecycleError.Mismatch("unknown", message);

    public LifecycleError Error { get; }

    public static EventApplicationException Mismatch(object? state, object @event) =>
        new(new LifecycleError.Mismatch(state?.GetType().Name ?? "Uninitialized", @event.GetType().Name));
}
