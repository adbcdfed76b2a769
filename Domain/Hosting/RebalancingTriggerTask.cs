using TradingBot.Acceptance.Domain.Rebalancing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Hands what the hedging tasks committed (fills on-chain and at the broker) to the rebalancing trigger
/// (§8.3): the queue processor, the order status poller and the position checker signal after each unit
/// of work, and one catch-up passes every event committed since the last, in log order.
/// </summary>
public sealed class RebalancingTriggerTask(RebalancingSide side, BotChannels channels, BotActivity activity) : IBotTask
{
    public string Name => "rebalancing-trigger";

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        var commits = channels.EventsCommitted.Reader;
        await side.Feed.CatchUpAsync(abort).ConfigureAwait(false);
        while (await activity.IdleWhileAsync(() => commits.WaitToReadAsync(stopping).AsTask()).ConfigureAwait(false))
        {
            commits.TryRead(out _);
            await side.Feed.CatchUpAsync(abort).ConfigureAwait(false);
        }
    }
}
