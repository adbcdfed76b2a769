using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The running bot's conductor: starts every registered task under its own supervisor and, on
/// shutdown, stops them taking new work and lets each finish the unit under way until the deadline
/// (<see cref="BotOptions.ShutdownDeadline"/>), after which that unit is cancelled. Only committed
/// transactions remain either way.
/// </summary>
public sealed partial class BotConductorService(
    IEnumerable<IBotTask> tasks, BotActivity activity, BotOptions options, ILoggerFactory loggers) : IHostedService, IDisposable
{
    private static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource abort = new();
    private readonly ILogger logger = loggers.CreateLogger<BotConductorService>();
    private readonly List<TaskSupervisor> supervisors = [];
    private Task running = Task.CompletedTask;

    /// <summary>Cancelled the moment a stop begins: from then on no task takes new work.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>One supervisor per task, in registration order.</summary>
    public IReadOnlyList<TaskSupervisor> Supervisors => supervisors;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var task in tasks)
        {
            var supervisor = new TaskSupervisor(task, activity, options, loggers.CreateLogger($"{typeof(TaskSupervisor).FullName}.{task.Name}"));
            supervisors.Add(supervisor);
            activity.Enter(); // busy from the start: quiescence waits for the task's first idle wait
        }

        running = Task.WhenAll(supervisors.Select(supervisor => Task.Run(() => supervisor.RunAsync(stopping.Token, abort.Token), CancellationToken.None)));
        LogStarted(logger, supervisors.Count);
        return Task.CompletedTask;
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
    }

    public void Dispose()
    {
        stopping.Dispose();
        abort.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot started with {Tasks} tasks")]
    private static partial void LogStarted(ILogger logger, int tasks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot stopped: every task finished its unit of work")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown deadline passed: cancelling the units of work under way")]
    private static partial void LogDeadlinePassed(ILogger logger);
}
