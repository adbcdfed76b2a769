using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;
using TradingBot.Acceptance.Domain.Http;
using TradingBot.Acceptance.Domain.Rebalancing.Managers;
using TradingBot.Acceptance.Domain.VaultRegistries;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Domain.Timing;

using TradingBot.Acceptance.Support.World;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.Support.Hosting;

/// <summary>
/// The real rebalancing side of the bot, built per scenario: event store, inventory view, trigger,
/// Rebalancer and the three managers (<see cref="RebalancingSide"/>), with the Alpaca and Circle adapters
/// aimed at WireMock stubs and the on-chain ports mocked. Alone, time is a <see cref="ScenarioClock"/> and
/// "the rebalancer runs" drains its channel; inside the running bot (<see cref="ForRunningBot"/>) the bot
/// builds the side on its own clock and runs it, and each start attaches its side here.
/// </summary>
public sealed class RebalancingHost : IDisposable
{
    public const string MarketMakerWallet = "0x1000000000000000000000000000000000000001";
    public const string RedemptionWallet = "0x2000000000000000000000000000000000000002";
    public const string Orderbook = "0x3000000000000000000000000000000000000003";
    public const string UsdcVaultId = "0x00000000000000000000000000000000000000000000000000000000000000c1";

    private readonly List<HttpClient> httpClients = [];
    private readonly bool inRunningBot;
    private readonly EventStoreDatabase? ownedDatabase;
    private RebalancingSide? side;
    private bool ownsSide;

    /// <param name="database">The scenario's event store, shared with the hedging side; a fresh in-memory one when null.</param>
    public RebalancingHost(RebalancingConfig? config = null, ScenarioClock? clock = null, EventStoreDatabase? database = null)
    {
        Clock = clock ?? new ScenarioClock();
        Config = config ?? DefaultConfig;
        Venues = new VenueSimulators(Clock, Config);
        ownedDatabase = database is null ? SqliteDatabase.InMemory(Clock) : null;
        side = BotComposition.Rebalancing(database ?? ownedDatabase!, Clock, Config, Connect(new ClockWait(Clock)));
        ownsSide = true;
    }

    private RebalancingHost(ScenarioClock clock, RebalancingConfig config)
    {
        inRunningBot = true;
        Clock = clock;
        Config = config;
        Venues = new VenueSimulators(Clock, Config);
    }

    /// <summary>The stubs and fakes of a running bot's rebalancing side; the bot's side is attached at each start.</summary>
    public static RebalancingHost ForRunningBot(ScenarioClock clock, RebalancingConfig config) => new(clock, config);

    public static RebalancingConfig DefaultConfig => new(
        Enabled: true, RebalancingThreshold.EquityDefault, RebalancingThreshold.UsdcDefault,
        MarketMakerWallet, RedemptionWallet, Orderbook, UsdcVaultId);

    public ScenarioClock Clock { get; }
    public RebalancingConfig Config { get; }

    /// <summary>The running side: this host's own, or the running bot's latest.</summary>
    public RebalancingSide Side => side ?? throw new InvalidOperationException("The running bot has not started its rebalancing side yet.");

    public EventStoreDatabase Database => Side.Database;

    /// <summary>Hands committed events to the trigger; call <see cref="CatchUpAsync"/> after hedging steps.</summary>
    public CommittedEventFeed Feed => Side.Feed;

    public SqliteAggregateStore Store => Side.Store;
    public InventoryView Inventory => Side.Inventory;
    public RebalancingTrigger Trigger => Side.Trigger;
    public Rebalancer Rebalancer => Side.Rebalancer;
    public MintManager MintManager => Side.MintManager;
    public RedemptionManager RedemptionManager => Side.RedemptionManager;
    public UsdcRebalanceManager UsdcManager => Side.UsdcManager;
    public VenueSimulators Venues { get; }
    public AlpacaTokenizationStub Tokenization => Venues.Tokenization;
    public AlpacaWalletStub Wallet => Venues.Wallet;
    public CircleAttestationStub Circle => Venues.Circle;
    public OnchainPortsFake Onchain => Venues.Onchain;

    /// <summary>Whether a running bot owns the side (its tasks run the rebalancer and feed the trigger).</summary>
    public bool InRunningBot => inRunningBot;

    /// <summary>The adapters aimed at this host's stubs and fakes, waiting through <paramref name="wait"/>.</summary>
    public RebalancingPorts Connect(IClockWait wait)
    {
        var credentials = new AlpacaCredentials("key-id", "secret-key", AlpacaTokenizationStub.AccountId);
        var walletCredentials = credentials with { AccountId = AlpacaWalletStub.AccountId };
        return new RebalancingPorts(
            new AlpacaTokenizationClient(Http(credentials.CreateTokenizationHttpClient(Tokenization.Url), wait), credentials.AccountId),
            new AlpacaWalletClient(Http(walletCredentials.CreateTokenizationHttpClient(Wallet.Url), wait), walletCredentials.AccountId),
            new AlpacaUsdcConversionClient(Http(walletCredentials.CreateBrokerHttpClient(Wallet.Url), wait), walletCredentials.AccountId),
            new CircleAttestationClient(Http(new HttpClient { BaseAddress = Circle.Url, Timeout = TimeSpan.FromSeconds(10) }, wait)),
            Onchain.Bridge.Object, Onchain.Vault.Object, Onchain.Erc20.Object);
    }

    /// <summary>The running bot (re)started: its side is the one to arrange and observe from now on.</summary>
    public void Attach(RebalancingSide running)
    {
        if (!InRunningBot)
            throw new InvalidOperationException("This rebalancing host runs its own side; only a running bot's host takes one.");
        side = running;
        ownsSide = false;
    }

    /// <summary>The vault registry knows <paramref name="symbol"/>'s token and vault.</summary>
    public Task RegisterVaultAsync(Symbol symbol, string token, string vaultId, CancellationToken cancellationToken = default)
    {
        Onchain.Names(token, symbol);
        return Store.ExecuteAsync(VaultRegistryDecider.Kind, Config.RegistryId,
            new VaultRegistryCommand.DiscoverEquityVault(token, vaultId, "0x" + new string('0', 63) + "1", symbol), cancellationToken);
    }

    /// <summary>Drains every operation sent so far, advancing the clock for each wait, then returns.</summary>
    public Task RunRebalancerAsync(CancellationToken cancellationToken = default) =>
        inRunningBot
            ? throw new InvalidOperationException("In the running bot the rebalancer runs by itself: let time pass instead.")
            : Clock.RunUntilCompleteAsync(Rebalancer.DrainAsync(cancellationToken));

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
        Venues.Dispose();
        foreach (var client in httpClients)
            client.Dispose();
        if (ownsSide)
            side?.Dispose();
        ownedDatabase?.Dispose();
    }

    // The venues of one scenario share the simulated chains: what the bot sends on-chain is what they see.
    private VenueHttp Http(HttpClient client, IClockWait wait)
    {
        httpClients.Add(client);
        return new VenueHttp(client, Clock, wait);
    }
}
