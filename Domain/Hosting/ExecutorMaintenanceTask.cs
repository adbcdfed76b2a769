namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>Runs the executor's upkeep (token refresh) at start and then at every interval.</summary>
public sealed class ExecutorMaintenanceTask(IExecutorMaintenance maintenance, BotOptions options, BotActivity activity) : IBotTask
{
    public string Name => "executor-maintenance";

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        while (true)
        {
            await maintenance.MaintainAsync(abort).ConfigureAwait(false);
            await activity.IdleForAsync(options.ExecutorMaintenanceInterval, stopping).ConfigureAwait(false);
        }
    }
}
