namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>Why an event could not be applied to an aggregate's state.</summary>
public abstract record LifecycleError
{
    private LifecycleError() { }

    /// <summary>A genesis event arrived for an aggregate that already lives.</summary>
    public sealed record AlreadyInitialized : LifecycleError;

    /// <summary>A non-genesis event arrived for an aggregate that does not exist yet.</summary>
    public sealed record Uninitialized : LifecycleError;

    /// <summary>The event does not fit the state it was applied to.</summary>
    public sealed record Mismatch(string State, string Event) : LifecycleError;

    /// <summary>Applying the event overflowed.</summary>
    public sealed record Arithmetic(string Message) : LifecycleError;
}
