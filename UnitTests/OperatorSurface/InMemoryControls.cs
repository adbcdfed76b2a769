using TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

namespace TradingBot.Acceptance.UnitTests.OperatorSurface;

/// <summary>A console that keeps the controls in memory and counts the commands it was given.</summary>
internal sealed class InMemoryControls(TimeProvider clock) : IOperatorConsole
{
    private KillSwitchState killSwitch = new(false, null, null);
    private LimitsState limits = new(1_000_000m, 50_000_000m);

    public int Commands { get; private set; }

    public string? ResetBy { get; private set; }

    public Task<ControlsSnapshot> ControlsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ControlsSnapshot(killSwitch, new FallbackState(false, null, null), limits, []));

    public Task EngageKillSwitchAsync(string reason, CancellationToken cancellationToken)
    {
        Commands++;
        killSwitch = new KillSwitchState(true, reason, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task ResetKillSwitchAsync(string by, CancellationToken cancellationToken)
    {
        Commands++;
        ResetBy = by;
        killSwitch = new KillSwitchState(false, null, null);
        return Task.CompletedTask;
    }

    public Task SetLimitsAsync(LimitsChange change, CancellationToken cancellationToken)
    {
        Commands++;
        limits = new LimitsState(change.OrderLimitUsd ?? limits.OrderLimitUsd, change.DailyLimitUsd ?? limits.DailyLimitUsd);
        return Task.CompletedTask;
    }
}
