using TradingBot.Acceptance.Domain.Rebalancing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>Reads every venue's holdings into InventorySnapshot events once at start and then every 60 s.</summary>
public sealed class InventoryPollerTask(InventoryPoller poller, BotClockWait waits, BotOptions options, BotActivity activity) : IBotTask
{
    public string Name => "inventory-poller";

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        waits.StopOn(stopping);
        while (true)
        {
            await poller.PollAsync(abort).ConfigureAwait(false);
            await activity.IdleForAsync(options.InventoryPollInterval, stopping).ConfigureAwait(false);
        }
    }
}
