namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Periodic upkeep a broker adapter needs while the bot runs, such as refreshing Schwab's access token
/// before it expires. Executors without upkeep register none, and the maintenance task is not run.
/// </summary>
public interface IExecutorMaintenance
{
    /// <summary>Does one round of upkeep; a failure throws and the task is restarted with backoff.</summary>
    Task MaintainAsync(CancellationToken cancellationToken);
}
