using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Support.Contexts;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>The bot's own jobs and what they leave behind: the threshold, positions, the checker, the stale-order cleanup, time and locks.</summary>
public sealed class HedgingDriver(ScenarioWorld host, BrokerWaitContext waits, ScenarioRebalancing rebalancing)
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public void UseThreshold(FractionalShares shares) => host.UseThreshold(shares);

    public Position Position(Symbol symbol) =>
        host.Positions.Load(symbol) ?? throw new InvalidOperationException($"The bot has no {symbol} position: no fill of t{symbol} was recorded.");

    public IReadOnlyList<Position> Positions() => host.Positions.All();

    /// <summary>"The position checker runs": one tick of <c>CheckAndExecuteAccumulatedPositions</c>.</summary>
    public Task<IReadOnlyList<ExecutionOutcome>> RunPositionCheckerAsync() =>
        waits.RunAsync(() => rebalancing.FollowAsync(() => host.Bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(CancellationToken.None)));

    /// <summary>"The stale-order cleanup runs": <c>CleanupStaleExecutions</c> alone, no re-hedge.</summary>
    public Task<IReadOnlyList<ExecutionId>> RunStaleOrderCleanupAsync() =>
        host.Bot.Conductor.CleanupStaleExecutionsAsync(CancellationToken.None);

    public void PassMinutes(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        host.Clock.Advance(TimeSpan.FromMinutes(minutes));
    }

    public void PassSeconds(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        host.Clock.Advance(TimeSpan.FromSeconds(seconds));
    }

    /// <summary>The clock moves on to the next time it is <paramref name="time"/> in New York: later today, else tomorrow.</summary>
    public void PassUntilNewYork(TimeOnly time)
    {
        var now = TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), NewYork);
        var local = now.Date + time.ToTimeSpan();
        if (local < now.DateTime)
            local = local.AddDays(1);
        host.Clock.Advance(new DateTimeOffset(local, NewYork.GetUtcOffset(local)) - host.Clock.GetUtcNow());
    }

    /// <summary>"The position checker runs N times": that many ticks, the clock standing still.</summary>
    public async Task RunPositionCheckerAsync(int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        for (var tick = 0; tick < times; tick++)
            await RunPositionCheckerAsync();
    }

    /// <summary>A worker took the symbol's lock (the lease) and died without releasing it.</summary>
    public void LeaveLockOf(Symbol symbol)
    {
        using var unit = host.Database.BeginWrite();
        if (!unit.SymbolLocks.TryAcquire(symbol, host.Clock.GetUtcNow()))
            throw new InvalidOperationException($"The {symbol} lock is already held.");
        unit.Commit();
    }
}
