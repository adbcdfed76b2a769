using System.Diagnostics;
using TradingBot.Acceptance.Domain.Hedging;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Runs the position checker once at start and then every 60 s (DOMAIN §6.6); a missed tick is skipped, not caught
/// up. Each tick is traced as <c>positions.check</c> when the bot is given an activity source.
/// </summary>
public sealed class PositionCheckerTask(Conductor conductor, BotChannels channels, BotOptions options, BotActivity activity, ActivitySource? tracing = null) : IBotTask
{
    public string Name => "position-checker";

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        while (true)
        {
            using (tracing?.StartActivity("positions.check"))
                await conductor.CheckAndExecuteAccumulatedPositionsAsync(abort).ConfigureAwait(false);
            channels.Committed();
            await activity.IdleForAsync(options.PositionCheckInterval, stopping).ConfigureAwait(false);
        }
    }
}
