using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Execution.Alpaca;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;


namespace TradingBot.Acceptance.Support.World;

/// <summary>
/// The broker of one scenario: the Moq mock of DOMAIN §9.5 by default, or, for scenarios about HTTP
/// answers (tagged <c>@http-broker</c>), the real Alpaca Broker API adapter aimed at a WireMock server on a free port.
/// </summary>
public sealed class ScenarioBroker(ScenarioClock clock) : IDisposable
{
    private AlpacaBrokerStub? stub;
    private HttpClient? httpClient;
    private AlpacaBrokerApiExecutor? alpaca;

    public MockExecutor Mock { get; } = new(clock);

    public bool OverHttp => alpaca is not null;

    /// <summary>The broker as the bot sees it.</summary>
    public IExecutor Executor => alpaca ?? Mock.Executor;

    /// <summary>The kind of broker the bot hedges with; over HTTP it is always Alpaca's Broker API.</summary>
    public SupportedExecutor Kind => alpaca?.Kind ?? Mock.Kind;

    public AlpacaBrokerStub Http => stub ?? throw new InvalidOperationException(
        "This scenario's broker does not speak HTTP: tag the scenario or its rule @http-broker to use the Alpaca Broker API over WireMock.");

    /// <summary>Starts the stand-in Alpaca: market open today, every asset tradable, orders kept and answered by its order book, the account active.</summary>
    public void ConnectOverHttp()
    {
        if (stub is not null)
            return;
        stub = VenueSimulators.AlpacaBroker();
        httpClient = new HttpClient { BaseAddress = stub.Url };
        // Jitter pinned to the middle so that waits are known: the clock is advanced by exactly them.
        var options = new AlpacaBrokerApiOptions("AKSCENARIO", "scenario-secret", stub.AccountId) { Http = new BrokerHttpOptions { Jitter = () => 0.5 } };
        alpaca = new AlpacaBrokerApiExecutor(httpClient, options, clock);
    }

    public void Dispose()
    {
        httpClient?.Dispose();
        stub?.Dispose();
    }
}
