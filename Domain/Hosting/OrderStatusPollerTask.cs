using TradingBot.Acceptance.Domain.OrderStatus;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>Polls the broker for every open order every 15 s plus a random 0–5 s (DOMAIN §6.4).</summary>
public sealed class OrderStatusPollerTask(OrderStatusPoller poller, BotChannels channels, BotOptions options, BotActivity activity, Random random) : IBotTask
{
    public string Name => "order-status-poller";

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        while (true)
        {
            var jitter = TimeSpan.FromTicks((long)(options.OrderStatusMaxJitter.Ticks * random.NextDouble()));
            await activity.IdleForAsync(options.OrderStatusInterval + jitter, stopping).ConfigureAwait(false);
            await poller.PollPendingOrdersAsync(abort).ConfigureAwait(false);
            channels.Committed();
        }
    }
}
