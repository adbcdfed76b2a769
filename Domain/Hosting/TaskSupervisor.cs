using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Runs one task for the life of the bot: a fault is logged and the task restarted after an exponential
/// backoff on the clock; the other tasks never notice. A task that returns on its own is not restarted.
/// </summary>
public sealed partial class TaskSupervisor(IBotTask task, BotActivity activity, BotOptions options, ILogger logger)
{
    private int faults;

    public string Name => task.Name;

    /// <summary>How many times the task faulted (and was restarted, unless the bot was stopping).</summary>
    public int Faults => Volatile.Read(ref faults);

    /// <summary>The task's last fault, for diagnostics.</summary>
    public Exception? LastFault { get; private set; }

    /// <summary>Supervises the task until it ends or <paramref name="stopping"/> fires. Enter the activity before calling.</summary>
    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        var backoff = new Backoff(options.RestartBackoffInitial, options.RestartBackoffMax);
        TimeSpan? restartIn = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (restartIn is { } delay)
                    await activity.IdleForAsync(delay, stopping).ConfigureAwait(false);
                try
                {
                    await task.RunAsync(stopping, abort).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    LastFault = exception;
                    Interlocked.Increment(ref faults);
                    restartIn = backoff.Next();
                    LogFault(logger, exception, task.Name, restartIn.Value);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while waiting to restart.
        }
        finally
        {
            activity.Exit();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {Task} faulted; restarting in {Delay}")]
    private static partial void LogFault(ILogger logger, Exception exception, string task, TimeSpan delay);
}
