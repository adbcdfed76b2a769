using System.Threading.Channels;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The bounded channels between the bot's tasks: fills from the chain event receiver to the event queue
/// writer, and a wake-up from the writer to the queue processor (one is enough: the processor drains the
/// whole queue each time). Both are watched by <see cref="BotActivity"/>: a waiting message means busy.
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
        activity.Watch(() => ReceivedFills.Reader.Count);
        activity.Watch(() => QueueChanged.Reader.Count);
    }

    /// <summary>Fills as the chain event receiver decoded them, not yet in the event queue.</summary>
    public Channel<ChainEvent> ReceivedFills { get; }

    /// <summary>The event queue has new rows: the queue processor should drain it.</summary>
    public Channel<bool> QueueChanged { get; }
}
