namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// A state the bot does not read again in its normal course (a filled order, a recorded trade). The aggregate cache
/// does not keep it: the room goes to the live aggregates (open orders, positions), which, being the shorter
/// streams, it would otherwise drop first once the done ones filled it. Loading a settled aggregate still works: it
/// replays its few events.
/// </summary>
public interface ISettledState
{
    bool IsSettled { get; }
}
