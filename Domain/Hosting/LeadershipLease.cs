using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// One instance's side of active/standby: as standby it asks for the lease when the holder's expires (and at
/// least every third of the lease); as leader it renews every third of the lease. A renewal that fails, finds
/// the lease taken over, or comes after the lease ran out by this instance's own monotonic clock (a paused
/// process) ends the term at once: the fence drops, so every write and broker call is refused, and the tasks of
/// the term are told to stop. Then it is a standby again.
/// </summary>
public sealed partial class LeadershipLease(ILeadershipStore store, LeadershipFence fence, TimeProvider clock, ILogger<LeadershipLease> logger) : IDisposable
{
    private static readonly TimeSpan AfterExpiry = TimeSpan.FromMilliseconds(50);
    private readonly Lock gate = new();
    private TaskCompletionSource<CancellationToken> nextTerm = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? term;

    /// <summary>How often the leader renews and, at the longest, how long the standby waits between attempts.</summary>
    public TimeSpan RenewInterval => fence.Duration / 3;

    /// <summary><c>active</c> while this instance holds the lease, else <c>standby</c>.</summary>
    public string Role => fence.IsHeld ? "active" : "standby";

    public LeadershipFence Fence => fence;

    /// <summary>Waits until this instance leads; the token is cancelled when its term ends.</summary>
    public Task<CancellationToken> WaitForTermAsync(CancellationToken cancellationToken)
    {
        lock (gate)
            return term is { } current ? Task.FromResult(current.Token) : nextTerm.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stands by, leads, renews, steps down, until <paramref name="stopping"/>; the term, if any, is then left held for <see cref="ReleaseAsync"/>.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var held = await StandByAsync(stopping).ConfigureAwait(false);
                await LeadAsync(held, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the conductor releases the lease once its tasks have finished.
        }
    }

    /// <summary>After a graceful stop: ends the term and gives the lease back, so the standby takes over without waiting for it to expire.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        var held = fence.Term;
        EndTerm();
        if (held == 0)
            return;
        try
        {
            await store.ReleaseAsync(fence.Holder, held, cancellationToken).ConfigureAwait(false);
            LogReleased(logger, held);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReleaseFailed(logger, exception, held);
        }
    }

    public void Dispose()
    {
        lock (gate)
            term?.Dispose();
    }

    private async Task<long> StandByAsync(CancellationToken stopping)
    {
        var announced = false;
        while (true)
        {
            var askedAt = clock.GetTimestamp();
            TimeSpan wait;
            try
            {
                var claim = await store.TryAcquireAsync(fence.Holder, fence.Duration, stopping).ConfigureAwait(false);
                if (claim.Acquired)
                {
                    BeginTerm(claim.Term, askedAt);
                    return claim.Term;
                }

                if (!announced)
                    LogStandby(logger, claim.Holder!, claim.Term);
                announced = true;
                wait = claim.Remaining + AfterExpiry < RenewInterval ? claim.Remaining + AfterExpiry : RenewInterval;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                LogAcquireFailed(logger, exception);
                wait = RenewInterval;
            }

            await Task.Delay(wait, clock, stopping).ConfigureAwait(false);
        }
    }

    private async Task LeadAsync(long held, CancellationToken stopping)
    {
        while (true)
        {
            await Task.Delay(RenewInterval, clock, stopping).ConfigureAwait(false);
            if (!fence.IsHeld)
            {
                LogLost(logger, held, "the lease ran out before it could be renewed (the process was paused or starved)");
                break;
            }

            var askedAt = clock.GetTimestamp();
            try
            {
                if (!await store.RenewAsync(fence.Holder, held, fence.Duration, stopping).ConfigureAwait(false))
                {
                    LogLost(logger, held, "another instance holds it, or it expired");
                    break;
                }

                fence.Hold(held, askedAt);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                LogLost(logger, held, $"the renewal failed: {exception.Message}");
                break;
            }
        }

        EndTerm();
    }

    private void BeginTerm(long held, long askedAt)
    {
        fence.Hold(held, askedAt);
        LogAcquired(logger, held, fence.Duration.TotalSeconds);
        lock (gate)
        {
            term = new CancellationTokenSource();
            var started = nextTerm;
            nextTerm = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            started.SetResult(term.Token);
        }
    }

    private void EndTerm()
    {
        fence.Drop();
        CancellationTokenSource? ended;
        lock (gate)
        {
            ended = term;
            term = null;
        }

        // Not disposed: the conductor may still link its tasks' tokens to it.
        ended?.Cancel();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Active: this instance holds the leadership lease in term {Term} ({Seconds} s, renewed every third)")]
    private static partial void LogAcquired(ILogger logger, long term, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Standby: {Holder} holds the leadership lease in term {Term}")]
    private static partial void LogStandby(ILogger logger, string holder, long term);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Standby: the leadership lease of term {Term} is lost, {Reason}; the chain reader and the placers stop")]
    private static partial void LogLost(ILogger logger, long term, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Standby: the leadership lease could not be asked for; trying again")]
    private static partial void LogAcquireFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The leadership lease of term {Term} is given back")]
    private static partial void LogReleased(ILogger logger, long term);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The leadership lease of term {Term} could not be given back: it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, long term);
}
