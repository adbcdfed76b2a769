namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// A stored stream that cannot be read: an event that does not apply to the state before it, or a payload
/// that does not parse (a bug or a foreign write, not a broken rule). The fold turns it into a failed aggregate.
/// </summary>
public sealed class CorruptStreamException : Exception
{
    public CorruptStreamException(LifecycleError error)
        : base($"The stream cannot be read: {error}") => Error = error;

    /// <summary>An event of type <paramref name="event"/> that does not apply to <paramref name="state"/>.</summary>
    public CorruptStreamException(object? state, object @event)
        : this(new LifecycleError.Mismatch(state?.GetType().Name ?? "Uninitialized", @event.GetType().Name)) { }

    public CorruptStreamException() : this(new LifecycleError.Uninitialized()) { }

    public CorruptStreamException(string message) : base(message) => Error = new LifecycleError.Mismatch("unknown", message);

    public CorruptStreamException(string message, Exception innerException)
        : base(message, innerException) => Error = new LifecycleError.Mismatch("unknown", message);

    public LifecycleError Error { get; }
}
