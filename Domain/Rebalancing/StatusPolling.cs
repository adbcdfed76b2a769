using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>
/// Asks again and again until an answer comes, waiting on the injected clock between tries: a driver
/// advances a fake clock and the poll proceeds, nothing sleeps for real. The waits go through
/// the given <see cref="IClockWait"/> (the running bot's idle wait), else straight to the clock.
/// </summary>
public sealed class StatusPolling(TimeProvider clock, IClockWait? wait = null)
{
    private readonly IClockWait waits = wait ?? new ClockWait(clock);

    /// <summary>Manager polls: every 10 s for at most 30 minutes (§8.4).</summary>
    public static readonly TimeSpan ManagerInterval = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan ManagerTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Polls <paramref name="poll"/> (null = not yet) until it answers, the timeout or the tries run out, or it throws.</summary>
    public async Task<PollOutcome<T>> PollAsync<T>(
        Func<CancellationToken, Task<T?>> poll, TimeSpan interval, TimeSpan timeout, int maxTries,
        CancellationToken cancellationToken)
        where T : class
    {
        var deadline = clock.GetUtcNow() + timeout;
        for (var attempt = 1; ; attempt++)
        {
            T? answer;
            try
            {
                answer = await poll(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return new PollOutcome<T>.Failed(exception.Message);
            }
            if (answer is not null)
                return new PollOutcome<T>.Answered(answer);
            if (attempt >= maxTries)
                return new PollOutcome<T>.GaveUp($"no answer after {attempt} tries");
            if (clock.GetUtcNow() + interval > deadline)
                return new PollOutcome<T>.GaveUp($"timed out after {timeout.TotalMinutes:0.##} minutes");
            await waits.WaitAsync(interval, cancellationToken);
        }
    }

    /// <summary>The manager default: every 10 s for 30 minutes.</summary>
    public Task<PollOutcome<T>> PollAsync<T>(Func<CancellationToken, Task<T?>> poll, CancellationToken cancellationToken)
        where T : class =>
        PollAsync(poll, ManagerInterval, ManagerTimeout, int.MaxValue, cancellationToken);
}
