namespace TradingBot.Acceptance.Domain.Timing;

/// <summary>
/// How the rebalancing side waits on the clock between polls and between retries of an HTTP call.
/// Alone it is a delay on the injected clock (<see cref="ClockWait"/>); the running bot passes a wait that
/// counts the rebalancer as idle meanwhile, so that whoever waits for the bot to be quiescent knows the
/// workflow only goes on when the clock moves.
/// </summary>
public interface IClockWait
{
    /// <summary>Completes once <paramref name="delay"/> has passed on the clock; throws when cancelled.</summary>
    Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken);
}
