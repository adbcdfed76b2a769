using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Execution.Alpaca;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Execution.Schwab;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.Support.World;

/// <summary>
/// The broker of one scenario: the Moq mock of DOMAIN §9.5 by default, or, for scenarios about HTTP
/// answers (tagged <c>@http-broker</c>), the real adapter of the broker the scenario chose (Alpaca's Broker
/// API or Schwab's Trader API) aimed at its simulator on WireMock, started when first used. A scenario with a
/// fallback broker has both: the main broker's adapter and the fallback's, each on its own simulator.
/// </summary>
public sealed class ScenarioBroker(ScenarioClock clock) : IDisposable
{
    private bool overHttp;
    private AlpacaBrokerStub? alpacaStub;
    private SchwabBrokerStub? schwabStub;
    private HttpClient? httpClient;
    private IExecutor? httpExecutor;
    private SupportedExecutor? fallbackKind;
    private HttpClient? fallbackClient;
    private IExecutor? fallbackExecutor;

    public MockExecutor Mock { get; } = new(clock);

    /// <summary>Whether Alpaca's simulator can be reached; "Alpaca is down" cuts it off.</summary>
    public BrokerOutage AlpacaLine { get; } = new();

    /// <summary>Whether Schwab's simulator can be reached; "Schwab is down" cuts it off.</summary>
    public BrokerOutage SchwabLine { get; } = new();

    /// <summary>The line to a broker's simulator.</summary>
    public BrokerOutage LineTo(SupportedExecutor kind) => kind == SupportedExecutor.Schwab ? SchwabLine : AlpacaLine;

    public bool OverHttp => overHttp;

    /// <summary>The broker as the bot sees it; over HTTP the adapter is made for the broker chosen by then.</summary>
    public IExecutor Executor => overHttp ? httpExecutor ??= ConnectAdapter(Kind, out httpClient) : Mock.Executor;

    /// <summary>The fallback broker's adapter, on its own simulator; none unless the scenario chose one.</summary>
    public IExecutor? FallbackExecutor => fallbackKind is { } kind ? fallbackExecutor ??= ConnectAdapter(kind, out fallbackClient) : null;

    public SupportedExecutor? FallbackKind => fallbackKind;

    /// <summary>The Alpaca Broker API simulator, whichever role Alpaca plays in the scenario.</summary>
    public AlpacaBrokerStub AlpacaSimulator => alpacaStub ??= VenueSimulators.AlpacaBroker();

    /// <summary>The Schwab Trader API simulator, whichever role Schwab plays in the scenario.</summary>
    public SchwabBrokerStub SchwabSimulator => schwabStub ??= new SchwabBrokerStub(clock, ScenarioClock.TradingDay);

    /// <summary>The kind of broker the bot hedges with; over HTTP Alpaca means its Broker API.</summary>
    public SupportedExecutor Kind => !overHttp ? Mock.Kind : HedgesOnSchwab ? SupportedExecutor.Schwab : SupportedExecutor.AlpacaBrokerApi;

    /// <summary>Whether a broker with an HTTP simulator was chosen: Alpaca or Schwab.</summary>
    public bool SpeaksHttp => Mock.Kind is SupportedExecutor.AlpacaBrokerApi or SupportedExecutor.Schwab;

    public AlpacaBrokerStub Http => HedgesOnSchwab
        ? throw new InvalidOperationException("This scenario hedges with Schwab: what it asks of the broker is only known to the Alpaca simulator.")
        : AlpacaSimulator;

    public SchwabBrokerStub Schwab => HedgesOnSchwab
        ? SchwabSimulator
        : throw new InvalidOperationException("This scenario's broker is not Schwab over HTTP: tag it @http-broker and add 'Given the bot hedges with the Schwab broker'.");

    /// <summary>The orders the HTTP broker simulator keeps; scenarios fill them here.</summary>
    public ISimulatedOrderBook OrderBook => HedgesOnSchwab ? Schwab.OrderBook : Http.OrderBook;

    /// <summary>Every order request the HTTP broker received, those it refused included.</summary>
    public int OrderRequests() => HedgesOnSchwab ? Schwab.OrderRequests() : Http.OrderRequests();

    public IReadOnlyList<string> RequestLog() => HedgesOnSchwab ? Schwab.RequestLog() : Http.RequestLog();

    /// <summary>The scenario's broker speaks HTTP to a simulator: Alpaca's unless the scenario chooses Schwab.</summary>
    public void ConnectOverHttp() => overHttp = true;

    /// <summary>Both brokers speak HTTP to their simulators: <paramref name="main"/> gets the hedges, <paramref name="fallback"/> while it is down.</summary>
    public void FallBack(SupportedExecutor main, SupportedExecutor fallback)
    {
        overHttp = true;
        Mock.WithKind(main);
        fallbackKind = fallback;
    }

    public void Dispose()
    {
        (httpExecutor as IDisposable)?.Dispose();
        httpClient?.Dispose();
        (fallbackExecutor as IDisposable)?.Dispose();
        fallbackClient?.Dispose();
        alpacaStub?.Dispose();
        schwabStub?.Dispose();
        AlpacaLine.Dispose();
        SchwabLine.Dispose();
    }

    private bool HedgesOnSchwab => overHttp ? Mock.Kind == SupportedExecutor.Schwab
        : throw new InvalidOperationException("This scenario's broker does not speak HTTP: tag the scenario or its rule @http-broker to use a broker simulator over WireMock.");

    private IExecutor ConnectAdapter(SupportedExecutor kind, out HttpClient client)
    {
        // Jitter pinned to the middle so that waits are known: the clock is advanced by exactly them.
        var http = new BrokerHttpOptions { Jitter = () => 0.5 };
        if (kind == SupportedExecutor.Schwab)
        {
            var schwab = SchwabSimulator;
            client = new HttpClient(SchwabLine, disposeHandler: false) { BaseAddress = schwab.Url };
            return new SchwabExecutor(client, new SchwabOptions("scenario-app-key", "scenario-app-secret", schwab.RefreshToken, schwab.AccountHash) { Http = http }, clock);
        }

        var alpaca = AlpacaSimulator;
        client = new HttpClient(AlpacaLine, disposeHandler: false) { BaseAddress = alpaca.Url };
        return new AlpacaBrokerApiExecutor(client, new AlpacaBrokerApiOptions("AKSCENARIO", "scenario-secret", alpaca.AccountId) { Http = http }, clock);
    }
}
