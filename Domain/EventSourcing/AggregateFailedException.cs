namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>A command reached an aggregate whose stream could not be folded; it refuses every command.</summary>
public sealed class AggregateFailedException : Exception
{
    public AggregateFailedException(string aggregateType, string aggregateId, LifecycleError error)
        : base($"{aggregateType}/{aggregateId} is failed ({error}) and refuses every command.") => Error = error;

    public AggregateFailedException() : this("unknown", "unknown", new LifecycleError.Uninitialized()) { }

    public AggregateFailedException(string message) : base(message) => Error = new LifecycleError.Uninitialized();

    public AggregateFailedException(string message, Exception innerException)
        : base(message, innerException) => Error = new LifecycleError.Uninitialized();

    public LifecycleError Error { get; }
}
