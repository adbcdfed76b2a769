using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Positions;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>The stale cleanup of the position checker's tick (§6.5, §13).</summary>
public sealed partial class Conductor
{
    /// <summary>
    /// Fails every pending execution never acknowledged whose lease has not moved for 10 minutes (§6.5) and returns
    /// them; an acknowledged one is in doubt instead: its cancel is sent to the broker after the commit (§13).
    /// </summary>
    public async Task<IReadOnlyList<ExecutionId>> CleanupStaleExecutionsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Symbol> symbols;
        using (var read = database.BeginRead())
            symbols = recorder.StaleCandidates(read, clock.GetUtcNow());
        var failed = new List<ExecutionId>();
        var inDoubt = new List<InDoubtOrder>();
        foreach (var symbol in symbols)
        {
            using var gate = await guards.EnterAsync(symbol, cancellationToken).ConfigureAwait(false);
            using var unit = database.BeginWrite();
            var cleanup = recorder.CleanUpStale(unit, symbol, clock.GetUtcNow(), raiseAlert: true);
            unit.Commit();
            failed.AddRange(cleanup.Failed is { } stale ? [stale] : []);
            inDoubt.AddRange(cleanup.InDoubt is { } doubtful ? [doubtful] : []);
            if (cleanup is { InDoubt: { } alerted, AlertSince: { } since })
                Doubts.Alert(alerted.ExecutionId, symbol, since);
        }

        await Doubts.SendCancelsAsync(inDoubt, cancellationToken).ConfigureAwait(false);
        return failed;
    }
}
