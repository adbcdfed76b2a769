using System.Text.Json;
using TradingBot.Acceptance.Domain.EquityRedemptions;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.InventorySnapshots;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Domain.TokenizedEquityMints;
using TradingBot.Acceptance.Domain.UsdcRebalances;
using TradingBot.Acceptance.Domain.VaultRegistries;

namespace TradingBot.Acceptance.Domain.Rebalancing.Persistence;

/// <summary>
/// Hands every committed event to the reactors exactly once, in global (rowid) order, whoever wrote it:
/// the rebalancing store catches up after each of its commits, and the hedging side (whose commits hold
/// Position events) after each of its steps. Events of aggregates no reactor needs are passed over.
/// </summary>
public sealed class CommittedEventFeed(SqliteDatabase database) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<IEventReactor> reactors = [];
    private readonly Dictionary<string, Func<string, JsonElement, object>> decoders = new(StringComparer.Ordinal)
    {
        ["Position"] = new PositionAggregate().ReadEvent,
        ["TokenizedEquityMint"] = new KindAggregate<TokenizedEquityMint, TokenizedEquityMintCommand, TokenizedEquityMintEvent,
            TokenizedEquityMintError>(TokenizedEquityMintDecider.Kind).ReadEvent,
        ["EquityRedemption"] = new KindAggregate<EquityRedemption, EquityRedemptionCommand, EquityRedemptionEvent,
            EquityRedemptionError>(EquityRedemptionDecider.Kind).ReadEvent,
        ["UsdcRebalance"] = new KindAggregate<UsdcRebalance, UsdcRebalanceCommand, UsdcRebalanceEvent,
            UsdcRebalanceError>(UsdcRebalanceDecider.Kind).ReadEvent,
        ["VaultRegistry"] = new KindAggregate<VaultRegistry, VaultRegistryCommand, VaultRegistryEvent,
            VaultRegistryError>(VaultRegistryDecider.Kind).ReadEvent,
        ["InventorySnapshot"] = new KindAggregate<InventorySnapshot, InventorySnapshotCommand, InventorySnapshotEvent,
            InventorySnapshotError>(InventorySnapshotDecider.Kind).ReadEvent,
    };

    private long lastSeen;

    public void Subscribe(IEventReactor reactor) => reactors.Add(reactor);

    /// <summary>Starts after what is already stored (a restart rebuilds its state from the store instead).</summary>
    public void SkipToEnd() => lastSeen = database.ReadEventLog() is [.., var last] ? last.GlobalPosition : 0;

    /// <summary>Passes the events committed since the last call to every reactor, in order.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var fresh = database.ReadEventLog(after: lastSeen);
            if (fresh.Count == 0)
                return;
            lastSeen = fresh[^1].GlobalPosition;
            var committed = fresh.Where(row => decoders.ContainsKey(row.AggregateType)).Select(Decode).ToList();
            if (committed.Count == 0)
                return;
            foreach (var reactor in reactors)
                await reactor.ReactAsync(committed, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private CommittedEvent Decode(RecordedEvent row)
    {
        using var payload = JsonDocument.Parse(row.Payload);
        var tagged = payload.RootElement.EnumerateObject().Single();
        var domainEvent = decoders[row.AggregateType](tagged.Name, tagged.Value);
        return new CommittedEvent(row.AggregateType, row.AggregateId, row.Sequence, row.EventType, domainEvent);
    }
}
