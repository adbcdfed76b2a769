using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Execution.Alpaca;
using TradingBot.Acceptance.Domain.Execution.Schwab;

namespace TradingBot.Acceptance.UnitTests.Secrets;

/// <summary>Every call of the Alpaca Broker API and Schwab adapters, configured with the seeded credentials.</summary>
public static class BrokerFailurePaths
{
    private const string AccountId = "a1b2c3d4-0000-4000-8000-00000000cafe";
    private const string AccountHash = "E5B3F8A1C2D4";
    private const string AlpacaOrders = $"/v1/trading/accounts/{AccountId}/orders";
    private const string SchwabAccount = $"/trader/v1/accounts/{AccountHash}";
    private const string SchwabOrders = $"{SchwabAccount}/orders";

    private static readonly ClientOrderId ClientOrderId = new(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));

    public static IReadOnlyList<FailurePath> All { get; } =
    [
        Alpaca("Alpaca broker: place order (hedge)", path => path == AlpacaOrders, (run, _) => run.HedgeAsync(AlpacaExecutor(run), 2m)),
        Alpaca("Alpaca broker: order status", path => path.StartsWith(AlpacaOrders + "/", StringComparison.Ordinal),
            async (_, broker) => await broker.GetOrderStatusAsync(new BrokerOrderId("61e69015-8549-4bfd-b9c3-01e75843f47d"), CancellationToken.None)),
        Alpaca("Alpaca broker: lookup by client order id", path => path == AlpacaOrders + ":by_client_order_id",
            async (_, broker) => await broker.FindByClientOrderIdAsync(ClientOrderId, CancellationToken.None)),
        Alpaca("Alpaca broker: account probe", path => path == $"/v1/trading/accounts/{AccountId}/account",
            async (_, broker) => await broker.ProbeAccountAsync(CancellationToken.None)),
        Alpaca("Alpaca broker: calendar", path => path == "/v1/calendar", (run, _) => run.HedgeAsync(AlpacaExecutor(run), 2m)),
        Alpaca("Alpaca broker: asset check", path => path.StartsWith("/v1/assets/", StringComparison.Ordinal),
            (run, _) => run.HedgeAsync(AlpacaExecutor(run), 2m)),
        Schwab("Schwab: place order (hedge)", path => path == SchwabOrders, (run, _) => run.HedgeAsync(SchwabExecutor(run), 2m)),
        Schwab("Schwab: order status", path => path.StartsWith(SchwabOrders + "/", StringComparison.Ordinal),
            async (_, broker) => await broker.GetOrderStatusAsync(new BrokerOrderId("1004055538"), CancellationToken.None)),
        Schwab("Schwab: account probe", path => path == SchwabAccount, async (_, broker) => await broker.ProbeAccountAsync(CancellationToken.None)),
        Schwab("Schwab: market hours", path => path == "/marketdata/v1/markets/equity", (run, _) => run.HedgeAsync(SchwabExecutor(run), 2m)),
        Schwab("Schwab: token grant", path => path == HostileVenue.TokenPath,
            async (_, broker) => await broker.PlaceMarketOrderAsync(Order(), CancellationToken.None)) with { IsTokenGrant = true },
        Schwab("Schwab: token refresh", path => path == HostileVenue.TokenPath, RefreshAsync, spare: 1) with { IsTokenGrant = true },
    ];

    private static FailurePath Alpaca(string name, Func<string, bool> driven, Func<PathRun, AlpacaBrokerApiExecutor, Task<object?>> drive) =>
        new(name, driven, run => drive(run, AlpacaExecutor(run)), ClockGoverned: true);

    private static FailurePath Schwab(string name, Func<string, bool> driven, Func<PathRun, SchwabExecutor, Task<object?>> drive, int spare = 0) =>
        new(name, driven, run => drive(run, SchwabExecutor(run)), spare, ClockGoverned: true);

    private static AlpacaBrokerApiExecutor AlpacaExecutor(PathRun run) =>
        new(run.Client(), new AlpacaBrokerApiOptions(SeededSecrets.BrokerKeyId, SeededSecrets.BrokerSecret, AccountId) { Http = PathRun.BrokerHttp }, run.Clock);

    private static SchwabExecutor SchwabExecutor(PathRun run) =>
        new(run.Client(), new SchwabOptions(SeededSecrets.SchwabAppKey, SeededSecrets.SchwabAppSecret, SeededSecrets.SchwabRefreshToken, AccountHash)
        {
            Http = PathRun.BrokerHttp,
        }, run.Clock);

    /// <summary>An order goes out on a granted token; the token expires; the next order needs a refresh, which fails.</summary>
    private static async Task<object?> RefreshAsync(PathRun run, SchwabExecutor broker)
    {
        await broker.PlaceMarketOrderAsync(Order(), CancellationToken.None);
        run.Clock.Advance(TimeSpan.FromSeconds(1800));
        return await broker.PlaceMarketOrderAsync(Order(), CancellationToken.None);
    }

    private static MarketOrder Order() =>
        new(new Domain.Finance.Symbol("AAPL"), new Domain.Finance.FractionalShares(2m), Domain.Finance.Direction.Buy, ClientOrderId);
}
