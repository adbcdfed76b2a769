namespace TradingBot.Acceptance.Domain.Timing;

/// <summary>A plain delay on the injected clock: a fake clock that is advanced ends it, nothing sleeps for real.</summary>
public sealed class ClockWait(TimeProvider clock) : IClockWait
{
    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, clock, cancellationToken);
}
