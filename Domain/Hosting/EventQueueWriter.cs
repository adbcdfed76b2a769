using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Writes received fills into the event queue, many per transaction when they come in a burst
/// (<c>ON CONFLICT DO NOTHING</c>: a replayed fill is dropped), then wakes the queue processor.
/// On shutdown it still writes what the receiver already handed over.
/// </summary>
public sealed class EventQueueWriter(EventStoreDatabase database, BotChannels channels, BotActivity activity, TimeProvider clock) : IBotTask
{
    private const int BatchSize = 256;
    private long written;

    public string Name => "event-queue-writer";

    /// <summary>How many fills were new to the queue (replays not counted).</summary>
    public long Written => Interlocked.Read(ref written);

    public async Task RunAsync(CancellationToken stopping, CancellationToken abort)
    {
        var reader = channels.ReceivedFills.Reader;
        try
        {
            while (await activity.IdleWhileAsync(() => reader.WaitToReadAsync(stopping).AsTask()).ConfigureAwait(false))
                WriteBatch();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            WriteBatch(); // what was received is not lost in memory
        }
    }

    private void WriteBatch()
    {
        var reader = channels.ReceivedFills.Reader;
        while (true)
        {
            var batch = new List<ChainEvent>(BatchSize);
            while (batch.Count < BatchSize && reader.TryRead(out var fill))
                batch.Add(fill);
            if (batch.Count == 0)
                return;
            using (var unit = database.BeginWrite())
            {
                var now = clock.GetUtcNow();
                var added = batch.Count(fill => unit.EventQueue.Enqueue(fill, now));
                unit.Commit();
                Interlocked.Add(ref written, added);
            }

            channels.QueueChanged.Writer.TryWrite(true);
        }
    }
}
