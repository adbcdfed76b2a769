namespace TradingBot.Acceptance.Domain.Rebalancing.Persistence;

/// <summary>A stored event that cannot apply to the state before it: the stream is corrupt (a bug, not a rule).</summary>
public sealed class CorruptStreamException(object state, object @event)
    : Exception($"Event {@event.GetType().Name} cannot apply to state {state.GetType().Name}: the stream is corrupt.");
