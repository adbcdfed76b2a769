using System.Collections.Concurrent;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// In-process coordination shared by every conductor and poller of one database in this process: one
/// lock per symbol (symbols run in parallel, one symbol's steps one at a time), and the executions whose
/// placement is under way, which the poller must not reconcile behind the placer's back.
/// The database lease and <c>BEGIN IMMEDIATE</c> protect across processes.
/// </summary>
public sealed class HedgingGuards
{
    private readonly ConcurrentDictionary<Symbol, SemaphoreSlim> symbols = new();
    private readonly ConcurrentDictionary<ExecutionId, byte> placing = new();

    /// <summary>Waits for the symbol's lock; dispose the result to release it.</summary>
    public async Task<IDisposable> EnterAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var gate = symbols.GetOrAdd(symbol, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    public void BeginPlacement(ExecutionId executionId) => placing.TryAdd(executionId, 0);

    public void EndPlacement(ExecutionId executionId) => placing.TryRemove(executionId, out _);

    public bool IsPlacing(ExecutionId executionId) => placing.ContainsKey(executionId);

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                gate.Release();
        }
    }
}
