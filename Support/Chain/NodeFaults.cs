namespace TradingBot.Acceptance.Support.Chain;

/// <summary>
/// What is wrong with the simulated node right now: push subscriptions stalled (socket open, nothing pushed),
/// a lagging backend (stale tip, empty <c>eth_getLogs</c>), methods answering an error object or garbage.
/// </summary>
public sealed class NodeFaults
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (int Times, bool Garbage)> failing = [];

    /// <summary>Notifications are not pushed while silent; requests are still answered.</summary>
    public bool Silent { get; set; }

    /// <summary>WebSocket upgrades are answered 503 while refusing, as a node behind a failing load balancer does.</summary>
    public bool Refusing { get; set; }

    /// <summary>The tip a lagging node reports, or null when it is in sync.</summary>
    public long? LaggingTip { get; set; }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer an error object, or garbage.</summary>
    public void Fail(string method, int times, bool garbage = false)
    {
        lock (gate)
            failing[method] = (times, garbage);
    }

    /// <summary>Whether this call of <paramref name="method"/> fails, and how; counts it.</summary>
    public bool? TakeFailure(string method)
    {
        lock (gate)
        {
            if (!failing.TryGetValue(method, out var failure) || failure.Times <= 0)
                return null;
            failing[method] = (failure.Times - 1, failure.Garbage);
            return failure.Garbage;
        }
    }
}
