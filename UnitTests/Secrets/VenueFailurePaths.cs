using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Http;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.UnitTests.Secrets;

/// <summary>Every call of the tokenization, wallet, USDC conversion and Circle adapters, configured with the seeded credentials.</summary>
public static class VenueFailurePaths
{
    public const string AccountId = "venue-account-0001";
    public const string Wallet = "0x1000000000000000000000000000000000000001";

    private const string Accounts = $"/v1/accounts/{AccountId}";

    public static AlpacaCredentials Credentials { get; } = new(SeededSecrets.VenueKeyId, SeededSecrets.VenueSecret, AccountId);

    public static IReadOnlyList<FailurePath> All { get; } =
    [
        new("Tokenization: mint request", path => path == $"{Accounts}/tokenization/mint",
            async run => await Tokenization(run).RequestMintAsync(new Symbol("AAPL"), new FractionalShares(30.5m), Wallet, CancellationToken.None)),
        new("Tokenization: mint status", path => path == $"{Accounts}/tokenization/requests",
            async run => await Tokenization(run).ListRequestsAsync("mint", CancellationToken.None)),
        new("Tokenization: redemption status", path => path == $"{Accounts}/tokenization/requests",
            async run => await Tokenization(run).ListRequestsAsync("redeem", CancellationToken.None)),
        new("Wallet: whitelist", path => path == $"{Accounts}/wallets/whitelists",
            async run => await WalletClient(run).ListWhitelistsAsync(CancellationToken.None)),
        new("Wallet: withdrawal", path => path == $"{Accounts}/wallets/transfers",
            async run => await WalletClient(run).RequestWithdrawalAsync(new Usd(400m), Wallet, CancellationToken.None)),
        new("Wallet: transfer status", path => path == $"{Accounts}/wallets/transfers",
            async run => await WalletClient(run).ListTransfersAsync(CancellationToken.None)),
        new("Wallet: deposit address", path => path == $"{Accounts}/wallets",
            async run => await WalletClient(run).GetDepositAddressAsync(CancellationToken.None)),
        new("USDC conversion: place order", path => path == $"/v1/trading/accounts/{AccountId}/orders",
            async run => await Conversion(run).PlaceAsync(Direction.Buy, new Usd(400m), Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"), CancellationToken.None)),
        new("USDC conversion: order status", path => path.StartsWith($"/v1/trading/accounts/{AccountId}/orders/", StringComparison.Ordinal),
            async run => await Conversion(run).GetStatusAsync("conversion-1", CancellationToken.None)),
        new("Circle: fast transfer fee", path => path.StartsWith("/v2/burn/USDC/fees/", StringComparison.Ordinal),
            async run => await Circle(run).GetFastTransferFeeBpsAsync(CctpChain.Ethereum, CctpChain.Base, CancellationToken.None)),
        new("Circle: attestation", path => path.StartsWith("/v2/messages/", StringComparison.Ordinal),
            async run => await Circle(run).GetAttestedMessageAsync(CctpChain.Ethereum, "0x" + new string('b', 64), CancellationToken.None)),
    ];

    public static VenueHttp Http(PathRun run, HttpClient client) => new(run.Client(client), run.Clock, new ClockWait(run.Clock));

    public static AlpacaTokenizationClient Tokenization(PathRun run) =>
        new(Http(run, Credentials.CreateTokenizationHttpClient(run.Venue)), AccountId);

    public static AlpacaWalletClient WalletClient(PathRun run) =>
        new(Http(run, Credentials.CreateTokenizationHttpClient(run.Venue)), AccountId);

    public static AlpacaUsdcConversionClient Conversion(PathRun run) =>
        new(Http(run, Credentials.CreateBrokerHttpClient(run.Venue)), AccountId);

    public static CircleAttestationClient Circle(PathRun run) =>
        new(Http(run, new HttpClient { BaseAddress = run.Venue, Timeout = TimeSpan.FromSeconds(10) }));
}
