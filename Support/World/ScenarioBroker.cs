using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Execution.Alpaca;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Execution.Schwab;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.Support.World;

/// <summary>
/// The broker of one scenario: the Moq mock of DOMAIN §9.5 by default, or, for scenarios about HTTP
/// answers (tagged <c>@http-broker</c>), the real adapter of the broker the scenario chose (Alpaca's Broker
/// API or Schwab's Trader API) aimed at its simulator on WireMock, started when first used.
/// </summary>
public sealed class ScenarioBroker(ScenarioClock clock) : IDisposable
{
    private bool overHttp;
    private AlpacaBrokerStub? alpacaStub;
    private SchwabBrokerStub? schwabStub;
    private HttpClient? httpClient;
    private IExecutor? httpExecutor;

    public MockExecutor Mock { get; } = new(clock);

    /// <summary>The network to the HTTP broker simulator: it counts the requests the bot tried and can be cut.</summary>
    public BrokerNetwork Network { get; } = new();

    public bool OverHttp => overHttp;

    /// <summary>The broker as the bot sees it; over HTTP the adapter is made for the broker chosen by then.</summary>
    public IExecutor Executor => overHttp ? httpExecutor ??= ConnectAdapter() : Mock.Executor;

    /// <summary>The kind of broker the bot hedges with; over HTTP Alpaca means its Broker API.</summary>
    public SupportedExecutor Kind => !overHttp ? Mock.Kind : HedgesOnSchwab ? SupportedExecutor.Schwab : SupportedExecutor.AlpacaBrokerApi;

    /// <summary>Whether a broker with an HTTP simulator was chosen: Alpaca or Schwab.</summary>
    public bool SpeaksHttp => Mock.Kind is SupportedExecutor.AlpacaBrokerApi or SupportedExecutor.Schwab;

    public AlpacaBrokerStub Http => HedgesOnSchwab
        ? throw new InvalidOperationException("This scenario hedges with Schwab: what it asks of the broker is only known to the Alpaca simulator.")
        : alpacaStub ??= VenueSimulators.AlpacaBroker();

    public SchwabBrokerStub Schwab => HedgesOnSchwab
        ? schwabStub ??= new SchwabBrokerStub(clock)
        : throw new InvalidOperationException("This scenario's broker is not Schwab over HTTP: tag it @http-broker and add 'Given the bot hedges with the Schwab broker'.");

    /// <summary>The orders the HTTP broker simulator keeps; scenarios fill them here.</summary>
    public ISimulatedOrderBook OrderBook => HedgesOnSchwab ? Schwab.OrderBook : Http.OrderBook;

    /// <summary>Every order request the HTTP broker received, those it refused included.</summary>
    public int OrderRequests() => HedgesOnSchwab ? Schwab.OrderRequests() : Http.OrderRequests();

    public IReadOnlyList<string> RequestLog() => HedgesOnSchwab ? Schwab.RequestLog() : Http.RequestLog();

    /// <summary>
    /// The broker's upkeep as the running bot schedules it every <paramref name="interval"/>: Schwab renews its access
    /// token; the other brokers have none.
    /// </summary>
    public IExecutorMaintenance? Maintenance(TimeSpan interval) =>
        Executor is SchwabExecutor schwab ? new SchwabTokenMaintenance(schwab.Tokens, interval) : null;

    /// <summary>The scenario's broker speaks HTTP to a simulator: Alpaca's unless the scenario chooses Schwab.</summary>
    public void ConnectOverHttp() => overHttp = true;

    public void Dispose()
    {
        (httpExecutor as IDisposable)?.Dispose();
        httpClient?.Dispose();
        Network.Dispose();
        alpacaStub?.Dispose();
        schwabStub?.Dispose();
    }

    private bool HedgesOnSchwab => overHttp ? Mock.Kind == SupportedExecutor.Schwab
        : throw new InvalidOperationException("This scenario's broker does not speak HTTP: tag the scenario or its rule @http-broker to use a broker simulator over WireMock.");

    private IExecutor ConnectAdapter()
    {
        // Jitter pinned to the middle so that waits are known: the clock is advanced by exactly them.
        var http = new BrokerHttpOptions { Jitter = () => 0.5 };
        if (HedgesOnSchwab)
        {
            httpClient = new HttpClient(Network, disposeHandler: false) { BaseAddress = Schwab.Url };
            return new SchwabExecutor(httpClient, new SchwabOptions("scenario-app-key", "scenario-app-secret", Schwab.RefreshToken, Schwab.AccountHash) { Http = http }, clock);
        }

        httpClient = new HttpClient(Network, disposeHandler: false) { BaseAddress = Http.Url };
        return new AlpacaBrokerApiExecutor(httpClient, new AlpacaBrokerApiOptions("AKSCENARIO", "scenario-secret", Http.AccountId) { Http = http }, clock);
    }
}
