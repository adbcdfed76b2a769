namespace TradingBot.Acceptance.Support.Contexts;

/// <summary>
/// The waits the scenario's broker will impose on the next broker call (a Retry-After, a request that
/// times out). Work that calls the broker runs through them: each wait is passed on the fake clock as
/// soon as the bot starts it, so nothing sleeps and nothing hangs.
/// </summary>
public sealed class BrokerWaitContext
{
    private readonly Queue<Func<Task>> waits = new();

    /// <summary>Adds a wait: <paramref name="passWait"/> completes once the bot waited and the clock moved past it.</summary>
    public void Expect(Func<Task> passWait) => waits.Enqueue(passWait);

    /// <summary>Runs <paramref name="work"/>, passing the expected waits in order while it runs.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var running = work();
        while (!running.IsCompleted && waits.TryDequeue(out var passWait))
        {
            var passing = passWait();
            if (await Task.WhenAny(running, passing) == passing)
                await passing; // a wait that never came throws here instead of leaving the work hanging
        }
        return await running;
    }

    public async Task RunAsync(Func<Task> work) =>
        await RunAsync(async () =>
        {
            await work();
            return true;
        });
}
