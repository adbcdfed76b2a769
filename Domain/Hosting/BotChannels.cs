using System.Threading.Channels;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The bounded channels between the bot's tasks: a wake-up from the chain reader to the queue processor
/// after it queued fills (one is enough: the processor drains the whole queue each time), and a wake-up from
/// the hedging tasks to the rebalancing trigger after each commit (one is enough too: a catch-up reads every
/// event since the last). The first is watched by <see cref="BotActivity"/> (a waiting message means busy);
/// the second once a task reads it.
/// </summary>
public sealed class BotChannels
{
    public BotChannels(BotOptions options, BotActivity activity)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(activity);
        QueueChanged = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
        EventsCommitted = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
        activity.Watch(() => QueueChanged.Reader.Count);
    }

    /// <summary>The event queue has new rows: the queue processor should drain it.</summary>
    public Channel<bool> QueueChanged { get; }

    /// <summary>The hedging tasks committed events: the rebalancing trigger should catch up.</summary>
    public Channel<bool> EventsCommitted { get; }

    /// <summary>Tells the rebalancing trigger (if the bot has one) that a unit of work committed.</summary>
    public void Committed() => EventsCommitted.Writer.TryWrite(true);
}
