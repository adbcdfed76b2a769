using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The running bot's wait for the rebalancing side: the task waiting counts as idle (so a driver sees the
/// bot quiescent and moves the clock), and the wait ends as soon as the bot stops, so that a shutdown lets
/// a workflow finish its current step, never the next poll.
/// </summary>
public sealed class BotClockWait(BotActivity activity) : IClockWait
{
    private CancellationToken stopping;

    /// <summary>Ties the waits to the bot's stop; each task that may wait calls it when it starts.</summary>
    public void StopOn(CancellationToken token) => stopping = token;

    public async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        await activity.IdleForAsync(delay, either.Token).ConfigureAwait(false);
    }
}
