using System.Buffers;
using System.Text;
using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Hedging;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// Reads confirmed logs and records what they are: fills into the event queue (and the vaults of our order they
/// reveal into the vault registry), skipped fills, dead letters, and the checkpoint. A log the node could not help
/// read (<see cref="ChainRpcException"/>) is kept and read again with the next batch; the checkpoint stays below its
/// block until it is read. A release is recorded in chunks of <see cref="ChunkSize"/> logs, each in a transaction of
/// its own that wakes the queue processor, so that the first fills of a busy block are hedged while the rest are still
/// read and written; the checkpoint moves with the last chunk only. After a crash between chunks the block is read
/// again from the checkpoint, and the queue's (tx hash, log index) key drops what was already recorded.
/// </summary>
public sealed class ChainLogProcessor(OrderbookSettings settings, OrderbookFillReader reader, EventStoreDatabase database, TimeProvider clock, Action queueChanged)
{
    /// <summary>The logs recorded by one transaction of a release: one batch of the queue processor.</summary>
    public const int ChunkSize = EventQueueProcessor.DefaultBatchSize;

    private const long Unknown = long.MinValue;
    private readonly List<ChainLog> retrying = [];
    private long knownCheckpoint = Unknown;
    private long fills;
    private long skipped;
    private long refused;

    /// <summary>Fills queued (new to the queue), skipped fills and dead letters recorded so far.</summary>
    public (long Fills, long Skipped, long Refused) Counts => (Interlocked.Read(ref fills), Interlocked.Read(ref skipped), Interlocked.Read(ref refused));

    /// <summary>The logs that wait to be read again.</summary>
    public int Retrying => retrying.Count;

    /// <summary>Where a (re)connection starts: the block after the checkpoint, never before the deployment block.</summary>
    public long StartBlock()
    {
        long checkpoint;
        using (var read = database.BeginRead())
            checkpoint = new ChainIngestion(read).Checkpoint(settings.Orderbook) ?? -1;
        Know(checkpoint);
        return Math.Max(settings.DeploymentBlock, checkpoint + 1);
    }

    /// <summary>
    /// <see cref="StartBlock"/> as of the checkpoint this processor last read or recorded, without reading the database
    /// again (a release asked it twice, two read transactions per block): only the chain reader's processor moves the
    /// checkpoint, and the database's only goes up, so the one known here is never ahead of it. Read once if unknown.
    /// </summary>
    public long KnownStartBlock()
    {
        var known = Interlocked.Read(ref knownCheckpoint);
        return known == Unknown ? StartBlock() : Math.Max(settings.DeploymentBlock, known + 1);
    }

    /// <summary>
    /// Reads <paramref name="logs"/> (and the ones waiting to be retried), records them and raises the checkpoint
    /// to <paramref name="readThrough"/>, or to just before the oldest log still waiting.
    /// </summary>
    public async Task ProcessAsync(IReadOnlyList<ChainLog> logs, long readThrough, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var batch = retrying.Concat(logs.Where(log => log.IsPlaced && !log.Removed))
            .DistinctBy(log => (log.TransactionHash!.ToLowerInvariant(), log.LogIndex))
            .OrderBy(log => log.BlockNumber).ThenBy(log => log.LogIndex).ToList();
        retrying.Clear();
        var readings = new List<LogReading>(Math.Min(batch.Count, ChunkSize));
        for (var next = 0; next < batch.Count; next++)
        {
            try
            {
                readings.Add(await reader.ReadAsync(batch[next], cancellation).ConfigureAwait(false));
            }
            catch (ChainRpcException)
            {
                retrying.Add(batch[next]);
            }

            if (readings.Count == ChunkSize && next < batch.Count - 1)
            {
                Record(readings, checkpoint: -1);
                readings.Clear();
            }
        }

        var checkpoint = retrying.Count == 0 ? readThrough : Math.Min(readThrough, retrying.Min(log => log.BlockNumber!.Value) - 1);
        Record(readings, checkpoint);
    }

    /// <summary>Records <paramref name="readings"/> in one transaction; a negative <paramref name="checkpoint"/> leaves the checkpoint where it is.</summary>
    private void Record(List<LogReading> readings, long checkpoint)
    {
        var queued = 0;
        using (var unit = database.BeginWrite())
        {
            var now = clock.GetUtcNow();
            var ingestion = new ChainIngestion(unit);
            foreach (var reading in readings)
            {
                switch (reading)
                {
                    case LogReading.Filled filled when unit.EventQueue.Enqueue(filled.Fill.ToChainEvent(), now):
                        queued++;
                        VaultDiscovery.Discover(unit, settings, filled.Fill, now);
                        break;
                    case LogReading.Skipped skip when ingestion.Skip(skip.TradeId.TxHash, skip.TradeId.LogIndex, skip.BlockNumber, skip.Reason, skip.Detail, now):
                        Interlocked.Increment(ref skipped);
                        break;
                    case LogReading.Refused refusal when ingestion.DeadLetter(
                        new ChainEvent(refusal.TradeId.TxHash, refusal.TradeId.LogIndex, refusal.BlockNumber, null, RefusalData(refusal.Reason)), refusal.Reason, now):
                        Interlocked.Increment(ref refused);
                        break;
                }
            }

            if (checkpoint >= 0)
                ingestion.Advance(settings.Orderbook, checkpoint, now);
            unit.Commit();
        }

        if (checkpoint >= 0 && Interlocked.Read(ref knownCheckpoint) != Unknown)
            Know(checkpoint); // unknown stays unknown: the database's may be higher, from before this process

        Interlocked.Add(ref fills, queued);
        if (queued > 0)
            queueChanged();
    }

    // Raises the known checkpoint to at least this one (the reader and a restart's read may race).
    private void Know(long checkpoint)
    {
        var known = Interlocked.Read(ref knownCheckpoint);
        while (known < checkpoint)
        {
            var seen = Interlocked.CompareExchange(ref knownCheckpoint, checkpoint, known);
            if (seen == known)
                return;
            known = seen;
        }
    }

    private static string RefusalData(string reason)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("refused", reason);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
