using System.Collections.Concurrent;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// In-process coordination shared by every conductor and poller of one database in this process: one
/// lock per symbol (symbols run in parallel, one symbol's steps one at a time), and the executions whose
/// placement is under way, which the poller must not reconcile behind the placer's back.
/// The database lease and <c>BEGIN IMMEDIATE</c> protect across processes; the lease also carries the
/// placement under way (this instance's id and <see cref="PlacementDeadline"/>) for the pollers of other processes.
/// </summary>
public sealed class HedgingGuards
{
    /// <summary>
    /// Longer than a placement can take (the adapters' request timeouts and retries): past it, a pending order
    /// whose placer died is reconciled with the broker.
    /// </summary>
    public static readonly TimeSpan DefaultPlacementDeadline = TimeSpan.FromMinutes(3);

    private readonly ConcurrentDictionary<Symbol, SemaphoreSlim> symbols = new();
    private readonly ConcurrentDictionary<ExecutionId, byte> placing = new();

    /// <summary>This bot instance, as named in the leases of the orders it is placing.</summary>
    public string InstanceId { get; init; } = NewInstanceId();

    /// <summary>A name no other instance has: machine, process and a random part.</summary>
    public static string NewInstanceId() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The pre-trade controls every placer and poller of this process asks and informs (DOMAIN §14); none when absent.</summary>
    public RiskControls? Risk { get; init; }

    /// <summary>How long after an order is recorded other instances leave it to its placer.</summary>
    public TimeSpan PlacementDeadline { get; init; } = DefaultPlacementDeadline;

    /// <summary>Waits for the symbol's lock; dispose the result to release it.</summary>
    public async Task<IDisposable> EnterAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var gate = symbols.GetOrAdd(symbol, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    /// <summary>
    /// Waits for the locks of several symbols, always in one canonical order (by symbol), so that two
    /// callers holding overlapping sets can never wait for each other; dispose the result to release all.
    /// </summary>
    public async Task<IDisposable> EnterAllAsync(IEnumerable<Symbol> symbolsToHold, CancellationToken cancellationToken)
    {
        var ordered = new List<Symbol>(symbolsToHold);
        ordered.Sort(static (left, right) => string.CompareOrdinal(left.Value, right.Value));
        var held = new List<SemaphoreSlim>(ordered.Count);
        try
        {
            for (var index = 0; index < ordered.Count; index++)
            {
                if (index > 0 && ordered[index] == ordered[index - 1])
                    continue; // each symbol once
                var gate = symbols.GetOrAdd(ordered[index], static _ => new SemaphoreSlim(1, 1));
                // A free lock, the common case, is taken at once: no task to await per symbol.
                if (cancellationToken.IsCancellationRequested || !gate.Wait(0, CancellationToken.None))
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                held.Add(gate);
            }
        }
        catch
        {
            new ReleaseAll(held).Dispose();
            throw;
        }

        return new ReleaseAll(held);
    }

    public void BeginPlacement(ExecutionId executionId) => placing.TryAdd(executionId, 0);

    public void EndPlacement(ExecutionId executionId) => placing.TryRemove(executionId, out _);

    public bool IsPlacing(ExecutionId executionId) => placing.ContainsKey(executionId);

    /// <summary>The broker's answers to placements of this process not yet recorded; their placements are under way until they are.</summary>
    internal UnrecordedAnswers Answers { get; } = new();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                gate.Release();
        }
    }

    private sealed class ReleaseAll(List<SemaphoreSlim> held) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) != 0)
                return;
            for (var index = held.Count - 1; index >= 0; index--)
                held[index].Release();
        }
    }
}
