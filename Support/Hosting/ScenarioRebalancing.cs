using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Hosting;

/// <summary>
/// The rebalancing side of one scenario. Its configuration is fixed when the <see cref="RebalancingHost"/>
/// is built, and Given steps may still change it ("the USDC band is …") after the Background has set
/// up vaults and stubs: so the host is built on first use, and what Given steps arrange before then is
/// applied to it, in order, as soon as it exists. It shares the hedging bot's database: one event log.
/// In a scenario that runs the whole bot (<c>@e2e</c>), the bot builds and runs the side on its own clock:
/// this scenario gives it the stubs (<see cref="ForRunningBot"/>) and each start attaches the bot's side.
/// </summary>
public sealed class ScenarioRebalancing(ScenarioClock clock, Func<EventStoreDatabase?> sharedDatabase) : IDisposable
{
    private readonly List<Func<RebalancingHost, Task>> arrangements = [];
    private RebalancingHost? host;
    private RebalancingHost? runningBotHost;
    private bool enabled;
    private RebalancingThreshold usdcBand = RebalancingThreshold.UsdcDefault;
    private bool disposed;

    /// <summary>Whether the scenario has used rebalancing at all (a hedging-only scenario never builds it).</summary>
    public bool InUse => host is not null || arrangements.Count > 0 || enabled;

    public bool Started => host is not null;

    public void Enable()
    {
        EnsureNotStarted("whether rebalancing is enabled");
        enabled = true;
    }

    public void UseUsdcBand(RebalancingThreshold band)
    {
        if (band.Target is < 0m or > 1m || band.Deviation < 0m)
            throw new ArgumentOutOfRangeException(nameof(band), band, "A USDC band needs a target of 0% to 100% and a deviation of 0% or more.");
        EnsureNotStarted("the USDC band");
        usdcBand = band;
    }

    /// <summary>Applies <paramref name="arrangement"/> now if the host runs, else as soon as it is built.</summary>
    public async Task ArrangeAsync(Func<RebalancingHost, Task> arrangement)
    {
        if (host is null)
            arrangements.Add(arrangement);
        else
            await arrangement(host);
    }

    public Task ArrangeAsync(Action<RebalancingHost> arrangement) =>
        ArrangeAsync(built =>
        {
            arrangement(built);
            return Task.CompletedTask;
        });

    /// <summary>The running host; the first call builds it and applies what was arranged.</summary>
    public async Task<RebalancingHost> HostAsync()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (host is not null)
            return host;
        if (runningBotHost is not null)
            throw new InvalidOperationException("The running bot has not started its rebalancing side yet.");
        var config = RebalancingHost.DefaultConfig with { Enabled = enabled, Usdc = usdcBand };
        host = new RebalancingHost(config, clock, sharedDatabase());
        foreach (var arrangement in arrangements)
            await arrangement(host);
        arrangements.Clear();
        return host;
    }

    /// <summary>
    /// The stubs and settings of the running bot's rebalancing side, made on first use: rebalancing is on,
    /// with the scenario's USDC band. The bot waits on <paramref name="clock"/>, its one clock.
    /// </summary>
    public RebalancingHost ForRunningBot()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (runningBotHost is not null)
            return runningBotHost;
        if (host is not null)
            throw new InvalidOperationException("This scenario already used the rebalancing side without the running bot.");
        runningBotHost = RebalancingHost.ForRunningBot(clock, RebalancingHost.DefaultConfig with { Enabled = true, Usdc = usdcBand });
        return runningBotHost;
    }

    /// <summary>The running bot (re)started with <paramref name="side"/>: what Given steps arranged before applies to it now.</summary>
    public async Task AttachAsync(RebalancingSide side)
    {
        var running = runningBotHost ?? throw new InvalidOperationException("Ask for the running bot's stubs before attaching its side.");
        running.Attach(side);
        host = running;
        foreach (var arrangement in arrangements)
            await arrangement(running);
        arrangements.Clear();
    }

    /// <summary>
    /// Runs one call of the hedging side (conductor, poller, queue processor) as the running bot does
    /// with rebalancing on: the trigger exists before the call commits, and sees every event it committed
    /// right after. A scenario that never used rebalancing is left alone.
    /// </summary>
    public async Task<T> FollowAsync<T>(Func<Task<T>> hedgingCall)
    {
        if (InUse)
            await HostAsync();
        var result = await hedgingCall();
        if (host is not null)
            await host.CatchUpAsync();
        return result;
    }

    /// <summary>The host if it runs, for reading what happened without building it.</summary>
    public RebalancingHost? Running => host;

    public void Dispose()
    {
        disposed = true;
        (host ?? runningBotHost)?.Dispose();
        host = null;
        runningBotHost = null;
    }

    private void EnsureNotStarted(string what)
    {
        if (host is not null)
            throw new InvalidOperationException($"Choose {what} before the rebalancing trigger first runs: move that Given step up.");
    }
}
