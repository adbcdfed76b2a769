using TradingBot.Acceptance.Domain.Chain;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The chain reader's waits in the running bot: idle while it waits on the clock or for the node's next push,
/// busy again the moment the timer fires (inside the clock's advance) or the push arrives.
/// </summary>
public sealed class ActivityReaderWaits(BotActivity activity, TimeProvider clock) : ChainReaderWaits(clock)
{
    public override Task DelayAsync(TimeSpan delay, CancellationToken cancellation) => activity.IdleForAsync(delay, cancellation);

    public override async Task<bool> PushedWithinAsync(Task<bool> pushed, TimeSpan wait, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(pushed);
        using var push = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var timeout = activity.IdleForAsync(wait, push.Token);
        var first = await Task.WhenAny(pushed, timeout).ConfigureAwait(false);
        await push.CancelAsync().ConfigureAwait(false); // a push came first: the idle wait ends and counts the reader busy again
        try
        {
            await timeout.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            // Ended by the push.
        }

        cancellation.ThrowIfCancellationRequested();
        return first == pushed && await pushed.ConfigureAwait(false);
    }
}
