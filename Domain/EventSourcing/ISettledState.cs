namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// A state the bot reads again, if at all, only right after it settled (a filled order, a recorded trade). The
/// aggregate cache keeps it only among the latest to settle: the room goes to the live aggregates (open orders,
/// positions), which, being the shorter streams, it would otherwise drop first once the done ones filled it. Loading
/// a settled aggregate still works: it replays its few events.
/// </summary>
public interface ISettledState
{
    bool IsSettled { get; }
}
