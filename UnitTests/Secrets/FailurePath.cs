namespace TradingBot.Acceptance.UnitTests.Secrets;

/// <summary>One call of one adapter that the scan fails in every way.</summary>
/// <param name="Name">Adapter and call, as the table shows it.</param>
/// <param name="Driven">Whether a request path belongs to the driven call (the others are answered well).</param>
/// <param name="Drive">Runs the call the way the bot does and returns what it came to.</param>
/// <param name="Spare">Requests to the driven path answered well first (a token grant before the refresh).</param>
/// <param name="ClockGoverned">Timeouts and waits run on the clock (the broker adapters), not in real time.</param>
public sealed record FailurePath(
    string Name, Func<string, bool> Driven, Func<PathRun, Task<object?>> Drive, int Spare = 0, bool ClockGoverned = false)
{
    public bool IsTokenGrant { get; init; }

    public IEnumerable<VenueFault> Faults() =>
        Enum.GetValues<VenueFault>().Where(fault => IsTokenGrant || fault != VenueFault.TokenWithoutExpiry);
}
