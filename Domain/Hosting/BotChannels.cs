using System.Threading.Channels;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The bounded channels between the bot's tasks: fills from the chain event receiver to the event queue
/// writer, a wake-up from the writer to the queue processor (one is enough: the processor drains the
/// whole queue each time), and a wake-up from the hedging tasks to the rebalancing trigger after each
/// commit (one is enough too: a catch-up reads every event since the last). The first two are watched by
/// <see cref="BotActivity"/> (a waiting message means busy); the third once a task reads it.
/// </summary>
public sealed class BotChannels
{
    public BotChannels(BotOptions options, BotActivity activity)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(activity);
        ReceivedFills = Channel.CreateBounded<ChainEvent>(new BoundedChannelOptions(options.ChannelCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
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
        activity.Watch(() => ReceivedFills.Reader.Count);
        activity.Watch(() => QueueChanged.Reader.Count);
    }

    /// <summary>Fills as the chain event receiver decoded them, not yet in the event queue.</summary>
    public Channel<ChainEvent> ReceivedFills { get; }

    /// <summary>The event queue has new rows: the queue processor should drain it.</summary>
    public Channel<bool> QueueChanged { get; }

    /// <summary>The hedging tasks committed events: the rebalancing trigger should catch up.</summary>
    public Channel<bool> EventsCommitted { get; }

    /// <summary>Tells the rebalancing trigger (if the bot has one) that a unit of work committed.</summary>
    public void Committed() => EventsCommitted.Writer.TryWrite(true);
}
