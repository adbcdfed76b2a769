using TradingBot.Acceptance.Domain.Hedging;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>Runs the position checker once at start and then every 60 s (DOMAIN §6.6); a missed tick is skipped, not caught up.</summary>
public sealed class PositionCheckerTask(Conductor conductor, BotChannels channels, BotOptions options, BotActivity activity) : IBotTask
{
    public string Name => "position-checker";

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        while (true)
        {
            await conductor.CheckAndExecuteAccumulatedPositionsAsync(abort).ConfigureAwait(false);
            channels.Committed();
            await activity.IdleForAsync(options.PositionCheckInterval, stopping).ConfigureAwait(false);
        }
    }
}
