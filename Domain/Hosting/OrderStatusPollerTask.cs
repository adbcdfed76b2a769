using System.Diagnostics;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Polls each broker for the open orders it holds every 15 s plus a random 0–5 s (DOMAIN §6.4, §14.3); each cycle is
/// traced as <c>orders.poll</c> when the bot is given an activity source. Between the units of a cycle, the fills
/// waiting are hedged first (<see cref="HedgingTurn"/>).
/// </summary>
public sealed class OrderStatusPollerTask(
    BotComposition bot, BotChannels channels, BotOptions options, BotActivity activity, HedgingTurn turn, Random random, ActivitySource? tracing = null)
    : IBotTask
{
    public string Name => "order-status-poller";

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        while (true)
        {
            var jitter = TimeSpan.FromTicks((long)(options.OrderStatusMaxJitter.Ticks * random.NextDouble()));
            await activity.IdleForAsync(options.OrderStatusInterval + jitter, stopping).ConfigureAwait(false);
            using (tracing?.StartActivity("orders.poll"))
                await bot.PollAllAsync(abort, turn.YieldAsync).ConfigureAwait(false);
            channels.Committed();
        }
    }
}
