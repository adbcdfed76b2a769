namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// How the chain reader waits: between reconnects and retries, and for the node's next push within a watchdog
/// interval. Alone it waits on the injected clock; the running bot passes waits that count the reader as idle
/// meanwhile, so that whoever waits for the bot to be quiescent knows the reader only goes on when the clock
/// moves or the node pushes.
/// </summary>
public class ChainReaderWaits(TimeProvider clock)
{
    /// <summary>Completes once <paramref name="delay"/> has passed on the clock; throws when cancelled.</summary>
    public virtual Task DelayAsync(TimeSpan delay, CancellationToken cancellation) => Task.Delay(delay, clock, cancellation);

    /// <summary>Whether <paramref name="pushed"/> completed with <c>true</c> within <paramref name="wait"/> on the clock.</summary>
    public virtual async Task<bool> PushedWithinAsync(Task<bool> pushed, TimeSpan wait, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(pushed);
        try
        {
            return await pushed.WaitAsync(wait, clock, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
