using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.OrderStatus;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Support.World;

/// <summary>
/// One bot whose jobs a driver runs one at a time, composed as the running process composes it
/// (<see cref="BotComposition"/>): the conductor, the order status poller and the event queue processor
/// over one database and one broker, sharing the in-process symbol guards.
/// </summary>
public sealed class Bot(BotComposition composition)
{
    /// <summary>Another worker of the same process: same database and guards.</summary>
    public Bot Worker(IExecutor executor) => new(Composition.Worker(executor));

    public BotComposition Composition => composition;

    public EventStoreDatabase Database => Composition.Database;

    public HedgingGuards Guards => Composition.Guards;

    public Conductor Conductor => Composition.Conductor;

    public OrderStatusPoller Poller => Composition.Poller;

    public EventQueueProcessor Queue => Composition.Queue;

    /// <summary>The pre-trade controls an operator acts on (DOMAIN §14).</summary>
    public RiskControls Risk => Composition.Risk;

    public PositionView Positions { get; } = new(composition.Database);

    public OffchainOrderView Orders { get; } = new(composition.Database);

    /// <summary>What the bot does when it starts (DOMAIN §10): the position checker runs once.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        Conductor.CheckAndExecuteAccumulatedPositionsAsync(cancellationToken);

}
