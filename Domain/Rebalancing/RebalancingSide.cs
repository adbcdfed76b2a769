using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Acceptance.Domain.EquityRedemptions;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.InventorySnapshots;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Domain.Rebalancing.Managers;
using TradingBot.Acceptance.Domain.TokenizedEquityMints;
using TradingBot.Acceptance.Domain.UsdcRebalances;
using TradingBot.Acceptance.Domain.VaultRegistries;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>
/// The rebalancing side of one bot, wired once: the store over the bot's database (one event log for
/// hedging and rebalancing), the feed that hands committed events to the trigger, the inventory view, the
/// trigger, the three managers and the Rebalancer. Every wait of a workflow goes through one
/// <see cref="IClockWait"/>. Events already stored are not replayed: a restart restores its state with
/// <see cref="RebalancingRecovery"/> instead.
/// </summary>
public sealed class RebalancingSide : IDisposable
{
    /// <param name="halted">Whether no operation may start now (the kill switch is engaged); none halts when absent.</param>
    public RebalancingSide(
        EventStoreDatabase database, TimeProvider clock, RebalancingConfig config, RebalancingPorts ports,
        IClockWait? wait = null, ILoggerFactory? loggers = null, Func<bool>? halted = null)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var logs = loggers ?? NullLoggerFactory.Instance;
        Database = database;
        Config = config;
        Feed = new CommittedEventFeed(database);
        Feed.Decode(new PositionAggregate());
        Feed.Decode(TokenizedEquityMintDecider.Kind);
        Feed.Decode(EquityRedemptionDecider.Kind);
        Feed.Decode(UsdcRebalanceDecider.Kind);
        Feed.Decode(VaultRegistryDecider.Kind);
        Feed.Decode(InventorySnapshotDecider.Kind);
        Feed.SkipToEnd();
        Store = new SqliteAggregateStore(database, clock, Feed);
        Inventory = new InventoryView(logs.CreateLogger<InventoryView>());
        Trigger = new RebalancingTrigger(config, Inventory, Store, logs.CreateLogger<RebalancingTrigger>());
        Feed.Subscribe(Trigger);
        MintManager = new MintManager(Store, ports.Tokenization, ports.Vault, config, clock, logs.CreateLogger<MintManager>(), wait);
        RedemptionManager = new RedemptionManager(
            Store, ports.Tokenization, ports.Vault, ports.Erc20, config, clock, logs.CreateLogger<RedemptionManager>(), wait);
        UsdcManager = new UsdcRebalanceManager(
            Store, ports.Conversion, ports.Wallet, ports.Attestation, ports.Bridge, ports.Vault, ports.Erc20, config, clock,
            logs.CreateLogger<UsdcRebalanceManager>(), wait);
        Rebalancer = new Rebalancer(Trigger, Store, MintManager, RedemptionManager, UsdcManager, config, logs.CreateLogger<Rebalancer>(), halted);
    }

    public EventStoreDatabase Database { get; }
    public RebalancingConfig Config { get; }

    /// <summary>Hands committed events to the trigger; the hedging side's commits reach it on the next catch-up.</summary>
    public CommittedEventFeed Feed { get; }

    public SqliteAggregateStore Store { get; }
    public InventoryView Inventory { get; }
    public RebalancingTrigger Trigger { get; }
    public MintManager MintManager { get; }
    public RedemptionManager RedemptionManager { get; }
    public UsdcRebalanceManager UsdcManager { get; }
    public Rebalancer Rebalancer { get; }

    /// <summary>The feed only; the database belongs to the bot.</summary>
    public void Dispose() => Feed.Dispose();
}
