using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The running bot's conductor: starts every registered task under its own supervisor and, on
/// shutdown, stops them taking new work and lets each finish the unit under way until the deadline
/// (<see cref="BotOptions.ShutdownDeadline"/>), after which that unit is cancelled. Only committed
/// transactions remain either way. With a <see cref="LeadershipLease"/> (active/standby) the tasks run only while
/// this instance holds the lease: they start in each term and are stopped at once when it ends.
/// </summary>
public sealed partial class BotConductorService(
    IEnumerable<IBotTask> tasks, BotActivity activity, BotOptions options, ILoggerFactory loggers, LeadershipLease? leadership = null) : IHostedService, IDisposable
{
    private static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource abort = new();
    private readonly ILogger logger = loggers.CreateLogger<BotConductorService>();
    private readonly CancellationTokenSource leasing = new();
    private List<TaskSupervisor> supervisors = [];
    private Task running = Task.CompletedTask;
    private Task lease = Task.CompletedTask;

    /// <summary>Cancelled the moment a stop begins: from then on no task takes new work.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>One supervisor per task, in registration order.</summary>
    public IReadOnlyList<TaskSupervisor> Supervisors => supervisors;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (leadership is null)
        {
            running = Supervise(stopping.Token, abort.Token);
            return Task.CompletedTask;
        }

        lease = Task.Run(() => leadership.RunAsync(leasing.Token), CancellationToken.None);
        running = Task.Run(LeadAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    // Each term of the lease runs the tasks until the term ends or the bot stops; then the next term is awaited.
    private async Task LeadAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            CancellationToken term;
            try
            {
                term = await leadership!.WaitForTermAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using var termStopping = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, term);
            using var termAbort = CancellationTokenSource.CreateLinkedTokenSource(abort.Token, term);
            await Supervise(termStopping.Token, termAbort.Token).ConfigureAwait(false);
        }
    }

    private Task Supervise(CancellationToken taskStopping, CancellationToken taskAbort)
    {
        supervisors = [.. tasks.Select(task => new TaskSupervisor(task, activity, options, loggers.CreateLogger($"{typeof(TaskSupervisor).FullName}.{task.Name}")))];
        foreach (var _ in supervisors)
            activity.Enter(); // busy from the start: quiescence waits for the task's first idle wait
        LogStarted(logger, supervisors.Count);
        return Task.WhenAll(supervisors.Select(supervisor => Task.Run(() => supervisor.RunAsync(taskStopping, taskAbort), CancellationToken.None)));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            // The deadline is wall-clock time, like the host's own shutdown timeout: a stop must end even when no one advances the bot's clock.
            await running.WaitAsync(options.ShutdownDeadline, cancellationToken).ConfigureAwait(false);
            LogStopped(logger);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            LogDeadlinePassed(logger);
            await abort.CancelAsync().ConfigureAwait(false);
            // Work that ignores cancellation is abandoned: only committed transactions remain.
            await running.WaitAsync(AbortGrace, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (leadership is not null)
        {
            // The lease is given back only once the tasks are done, so no write of this instance follows it.
            await leasing.CancelAsync().ConfigureAwait(false);
            await lease.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await leadership.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        stopping.Dispose();
        abort.Dispose();
        leasing.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot started with {Tasks} tasks")]
    private static partial void LogStarted(ILogger logger, int tasks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot stopped: every task finished its unit of work")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown deadline passed: cancelling the units of work under way")]
    private static partial void LogDeadlinePassed(ILogger logger);
}
