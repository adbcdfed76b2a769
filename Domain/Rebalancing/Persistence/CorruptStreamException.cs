namespace TradingBot.Acceptance.Domain.Rebalancing.Persistence;

/// <summary>A stored event that cannot apply to the state before it: the stream is corrupt (a bug, not a rule).</summary>
public sealed class CorruptStreamException : Exception
{
    public CorruptStreamException(object state, object @event)
        : base($"Event {@event.GetType().Name} cannot apply to state {state.GetType().Name}: the stream is corrupt.")
    {
        StateName = state.GetType().Name;
        EventName = @event.GetType().Name;
    }

    public CorruptStreamException()
    {
    }

    public CorruptStreamException(string message)
        : base(message)
    {
    }

    public CorruptStreamException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string StateName { get; } = "";

    public string EventName { get; } = "";
}
