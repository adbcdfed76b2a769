using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Execution.Alpaca;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;

using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.UnitTests.Execution.Alpaca;

/// <summary>One test's Alpaca adapter, aimed at its own WireMock server, on a fake clock inside market hours.</summary>
public sealed class AlpacaTestBed : IDisposable
{
    /// <summary>Wednesday 12 March 2025, 10:00 in New York (EDT).</summary>
    public static readonly DateTimeOffset MarketMorning = new(2025, 3, 12, 14, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly TradingDay = new(2025, 3, 12);

    public static readonly Symbol Aapl = new("AAPL");

    public static readonly ClientOrderId ClientOrderId = new(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));

    public const string OrderId = "61e69015-8549-4bfd-b9c3-01e75843f47d";

    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient httpClient;

    public AlpacaTestBed()
    {
        Broker = new AlpacaBrokerStub();
        Broker.TradeAsset(Aapl);
        Clock = new ScenarioClock(MarketMorning);
        httpClient = new HttpClient { BaseAddress = Broker.Url };
        // Jitter pinned to the middle: read backoffs are 0.75 s, 1.5 s, 3 s.
        var options = new AlpacaBrokerApiOptions("AKTEST", "s3cret", Broker.AccountId) { Http = new BrokerHttpOptions { Jitter = () => 0.5 } };
        Executor = new AlpacaBrokerApiExecutor(httpClient, options, Clock);
    }

    public AlpacaBrokerStub Broker { get; }

    public ScenarioClock Clock { get; }

    public AlpacaBrokerApiExecutor Executor { get; }

    public static MarketOrder BuyAapl(decimal shares = 1.2m) =>
        new(Aapl, new FractionalShares(shares), Direction.Buy, ClientOrderId);

    public Task<PlacementResult> PlaceAsync(MarketOrder? order = null) =>
        Executor.PlaceMarketOrderAsync(order ?? BuyAapl(), CancellationToken.None);

    public void Dispose()
    {
        httpClient.Dispose();
        Broker.Dispose();
    }
}
