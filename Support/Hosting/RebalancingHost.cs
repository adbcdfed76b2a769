using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;
using TradingBot.Acceptance.Domain.Rebalancing.Http;
using TradingBot.Acceptance.Domain.Rebalancing.Managers;
using TradingBot.Acceptance.Domain.Rebalancing.Persistence;
using TradingBot.Acceptance.Domain.VaultRegistries;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.Support.Hosting;

/// <summary>
/// The real rebalancing side of the bot, built per scenario: event store, inventory view, trigger,
/// Rebalancer and the three managers, with the Alpaca and Circle adapters aimed at WireMock stubs and
/// the on-chain ports mocked. Time is a <see cref="SteppingClock"/>: nothing sleeps.
/// </summary>
public sealed class RebalancingHost : IDisposable
{
    public const string MarketMakerWallet = "0x1000000000000000000000000000000000000001";
    public const string RedemptionWallet = "0x2000000000000000000000000000000000000002";
    public const string Orderbook = "0x3000000000000000000000000000000000000003";
    public const string UsdcVaultId = "0x00000000000000000000000000000000000000000000000000000000000000c1";

    private readonly List<HttpClient> httpClients = [];

    private readonly bool ownsDatabase;

    /// <param name="database">The scenario's event store, shared with the hedging side; a fresh in-memory one when null.</param>
    public RebalancingHost(RebalancingConfig? config = null, SteppingClock? clock = null, SqliteDatabase? database = null)
    {
        Clock = clock ?? new SteppingClock();
        Config = config ?? DefaultConfig;
        ownsDatabase = database is null;
        Database = database ?? SqliteDatabase.InMemory(Clock);
        Feed = new CommittedEventFeed(Database);
        Feed.SkipToEnd();
        Store = new SqliteAggregateStore(Database, Clock, Feed);
        Inventory = new InventoryView();
        Trigger = new RebalancingTrigger(Config, Inventory, Store);
        Feed.Subscribe(Trigger);
        var credentials = new AlpacaCredentials("key-id", "secret-key", AlpacaTokenizationStub.AccountId);
        var walletCredentials = credentials with { AccountId = AlpacaWalletStub.AccountId };
        var tokenizationApi = new AlpacaTokenizationClient(Http(credentials.CreateTokenizationHttpClient(Tokenization.Url)), credentials.AccountId);
        var walletApi = new AlpacaWalletClient(Http(walletCredentials.CreateTokenizationHttpClient(Wallet.Url)), walletCredentials.AccountId);
        var conversion = new AlpacaUsdcConversionClient(Http(walletCredentials.CreateBrokerHttpClient(Wallet.Url)), walletCredentials.AccountId);
        var circle = new CircleAttestationClient(Http(new HttpClient { BaseAddress = Circle.Url, Timeout = TimeSpan.FromSeconds(10) }));
        MintManager = new MintManager(Store, tokenizationApi, Onchain.Vault.Object, Config, Clock);
        RedemptionManager = new RedemptionManager(Store, tokenizationApi, Onchain.Vault.Object, Onchain.Erc20.Object, Config, Clock);
        UsdcManager = new UsdcRebalanceManager(
            Store, conversion, walletApi, circle, Onchain.Bridge.Object, Onchain.Vault.Object, Onchain.Erc20.Object, Config, Clock);
        Rebalancer = new Rebalancer(Trigger, Store, MintManager, RedemptionManager, UsdcManager, Config);
    }

    public static RebalancingConfig DefaultConfig => new(
        Enabled: true, RebalancingThreshold.EquityDefault, RebalancingThreshold.UsdcDefault,
        MarketMakerWallet, RedemptionWallet, Orderbook, UsdcVaultId);

    public SteppingClock Clock { get; }
    public RebalancingConfig Config { get; }
    public SqliteDatabase Database { get; }

    /// <summary>Hands committed events to the trigger; call <see cref="CatchUpAsync"/> after hedging steps.</summary>
    public CommittedEventFeed Feed { get; }

    public SqliteAggregateStore Store { get; }
    public InventoryView Inventory { get; }
    public RebalancingTrigger Trigger { get; }
    public Rebalancer Rebalancer { get; }
    public MintManager MintManager { get; }
    public RedemptionManager RedemptionManager { get; }
    public UsdcRebalanceManager UsdcManager { get; }
    public AlpacaTokenizationStub Tokenization { get; } = new();
    public AlpacaWalletStub Wallet { get; } = new();
    public CircleAttestationStub Circle { get; } = new();
    public OnchainPortsFake Onchain { get; } = new();

    /// <summary>The vault registry knows <paramref name="symbol"/>'s token and vault.</summary>
    public Task RegisterVaultAsync(Symbol symbol, string token, string vaultId, CancellationToken cancellationToken = default) =>
        Store.ExecuteAsync(VaultRegistryDecider.Kind, Config.RegistryId,
            new VaultRegistryCommand.DiscoverEquityVault(token, vaultId, "0x" + new string('0', 63) + "1", symbol), cancellationToken);

    /// <summary>Drains every operation sent so far, advancing the clock for each wait, then returns.</summary>
    public Task RunRebalancerAsync(CancellationToken cancellationToken = default) =>
        Clock.RunUntilCompleteAsync(Rebalancer.DrainAsync(cancellationToken));

    /// <summary>Lets the trigger see events committed by others (the conductor's Position events).</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken = default) => Feed.CatchUpAsync(cancellationToken);

    /// <summary>The event names of every aggregate of a type, in log order (e.g. <c>TokenizedEquityMint</c>).</summary>
    public IReadOnlyList<string> EventNames(string aggregateType) =>
        [.. Events(aggregateType).Select(row => row.EventName)];

    /// <summary>The stored rows of every aggregate of a type, in global (rowid) order.</summary>
    public IReadOnlyList<RecordedEvent> Events(string aggregateType) =>
        [.. Database.ReadEventLog().Where(row => row.AggregateType == aggregateType)];

    public void Dispose()
    {
        Tokenization.Dispose();
        Wallet.Dispose();
        Circle.Dispose();
        foreach (var client in httpClients)
            client.Dispose();
        Feed.Dispose();
        if (ownsDatabase)
            Database.Dispose();
    }

    private ResilientHttp Http(HttpClient client)
    {
        httpClients.Add(client);
        return new ResilientHttp(client, Clock);
    }
}
