using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Positions;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>
/// The main broker and the optional fallback one (DOMAIN §14.3). New hedges go to the fallback while the main
/// broker is down (its account probe failed on the last checker tick, its circuit is open, or its credentials
/// were refused) and back once its probe succeeds; an order is always followed at the broker that holds it.
/// </summary>
public sealed class BrokerRoute
{
    public const string FallbackField = "fallback_broker";

    private volatile string? mainDown;

    public BrokerRoute(IExecutor main, IExecutor? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(main);
        if (fallback?.Kind == SupportedExecutor.DryRun)
            throw new RiskSettingException(FallbackField, $"\"{FallbackField}\" cannot be the dry-run broker: it would pretend to hedge");
        if (fallback is not null && fallback.Kind == main.Kind)
            throw new RiskSettingException(FallbackField, $"\"{FallbackField}\" cannot be the main broker ({Name(main.Kind)}) itself");
        Main = main;
        Fallback = fallback;
    }

    public IExecutor Main { get; }

    public IExecutor? Fallback { get; }

    /// <summary>Every broker, main first: each follows the orders it holds.</summary>
    public IReadOnlyList<IExecutor> All => Fallback is null ? [Main] : [Main, Fallback];

    /// <summary>The broker new hedges go to now.</summary>
    public IExecutor Active => Fallback is not null && MainIsDown ? Fallback : Main;

    /// <summary>The broker that holds orders of this kind.</summary>
    public IExecutor For(SupportedExecutor kind) => Fallback is { } fallback && fallback.Kind == kind ? fallback : Main;

    /// <summary>The threshold a hedge on <paramref name="broker"/> needs: the main broker's stored one, or the fallback's own (same share count).</summary>
    public ExecutionThreshold ThresholdFor(SupportedExecutor broker, ExecutionThreshold stored) =>
        broker == Main.Kind ? stored : ExecutionThreshold.ForExecutor(broker, stored is ExecutionThreshold.Shares shares ? shares.Count.Value : 1m);

    /// <summary>The broker's name as configuration and alerts spell it.</summary>
    public static string Name(SupportedExecutor kind) => kind switch
    {
        SupportedExecutor.Schwab => "Schwab",
        SupportedExecutor.DryRun => "dry-run",
        _ => "Alpaca",
    };

    /// <summary>
    /// The checker tick's probe: with a fallback the main broker's account is read every tick; without one only
    /// after refused credentials (§10). Returns where new hedges go, or <c>null</c> when no broker may take them.
    /// </summary>
    public async Task<Choice?> ProbeAsync(CancellationToken cancellationToken)
    {
        var mainUp = await IsUpAsync(Main, always: Fallback is not null, cancellationToken).ConfigureAwait(false);
        var down = $"{Name(Main.Kind)} is down";
        mainDown = mainUp ? null : down;
        if (mainUp)
            return new Choice(Main, false, "");
        if (Fallback is not { } fallback)
            return null;
        return await IsUpAsync(fallback, always: false, cancellationToken).ConfigureAwait(false) ? new Choice(fallback, true, down) : null;
    }

    private bool MainIsDown => mainDown is not null || Main is IBrokerAccountProbe { AuthenticationFailed: true };

    private static async Task<bool> IsUpAsync(IExecutor broker, bool always, CancellationToken cancellationToken) =>
        broker is not IBrokerAccountProbe probe
        || (!always && !probe.AuthenticationFailed)
        || await probe.ProbeAccountAsync(cancellationToken).ConfigureAwait(false) is AccountProbeResult.Active;

    /// <summary>Where new hedges go after a probe, and why when it is the fallback.</summary>
    public sealed record Choice(IExecutor Broker, bool OnFallback, string Reason);
}
