using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Support.Parameters;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// Drives the scenario's one world with the hosted bot running its tasks (<c>@e2e</c>): the world's
/// database (kept in a file, so the bot can stop and start again), broker and clock, the chain played by a
/// local WebSocket feed, Alpaca and Circle as the rebalancing simulators. Instead of sleeping it waits for
/// the bot to be quiescent (no task busy, nothing queued, every workflow waiting on the clock) with the
/// expected work done, then advances the clock.
/// The inventory poller runs with no venue to read: the dry-run broker keeps no inventory and the stand-in
/// chain reports no vault balances, so the inventory is what Given steps set, moved by fills and moves.
/// </summary>
public sealed class RunningBotDriver(ScenarioWorld world, ScenarioRebalancing rebalancing) : IAsyncDisposable
{
    public const long DeploymentBlock = 100;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    /// <summary>How far the clock moves at a time while the bot settles: the shortest of its own intervals.</summary>
    private static readonly TimeSpan SettleStep = TimeSpan.FromSeconds(10);

    private readonly HashSet<string> pushed = [];
    private HostedBot? bot;
    private long nextBlock = DeploymentBlock;
    private int nextTransaction;

    public ScenarioClock Clock => world.Clock;

    public MockExecutor Broker => world.Broker.Mock;

    /// <summary>Whether the whole bot runs in this scenario: the chain's fills then come through its feed.</summary>
    public bool IsRunning => bot is not null;

    public ChainFeedServer? Feed { get; private set; }

    private EventStoreDatabase Database => world.Database;

    private HostedBot Bot => bot ?? throw new InvalidOperationException("The bot is not running.");

    public async Task StartAsync()
    {
        world.KeepEventsInFile();
        Feed ??= await ChainFeedServer.StartAsync().ConfigureAwait(false);
        var options = new BotOptions { ChainFeed = Feed.Feed, DeploymentBlock = DeploymentBlock };
        var stubs = rebalancing.ForRunningBot();
        bot = HostedBot.Create(world.Hosted(options) with
        {
            Seed = 9,
            Rebalancing = new RebalancingComponents(stubs.Config, stubs.Connect),
        });
        await bot.StartAsync(CancellationToken.None).ConfigureAwait(false);
        await rebalancing.AttachAsync(bot.Rebalancing!).ConfigureAwait(false);
        await WaitAsync(() => Feed.OpenConnections > 0).ConfigureAwait(false);
    }

    /// <summary>The fills of <paramref name="rounds"/> rounds of <paramref name="round"/>, one block each, not yet reported.</summary>
    public IReadOnlyList<ChainFill> Fills(IReadOnlyList<ChainFillOrder> round, int rounds) =>
        Enumerable.Range(0, rounds).SelectMany(_ => round).Select(NextFill).ToList();

    public void Push(IReadOnlyList<ChainFill> fills)
    {
        foreach (var fill in fills)
            pushed.Add($"{fill.TxHash}:{fill.LogIndex}");
        Feed!.Push(fills);
    }

    /// <summary>The chain reports one fill of the bot's order; returns once the bot has processed it and is quiescent.</summary>
    public Task TradeAsync(Direction side, FractionalShares quantity, TokenizedEquity token, Usd price)
    {
        var transaction = ++nextTransaction;
        Push([new ChainFill($"0x{transaction:x64}", 0, ++nextBlock, ScenarioClock.ScenarioStart.AddSeconds(transaction), token.ToString(), quantity.Value, side, price.Value)]);
        return WaitUntilAllFillsProcessedAsync();
    }

    /// <summary>Waits until every fill the chain reported is processed and the bot is quiescent.</summary>
    public Task WaitUntilAllFillsProcessedAsync() => WaitAsync(AllFillsProcessed);

    /// <summary>Advances the clock a second at a time, letting the bot react to each tick, until every fill is processed.</summary>
    public async Task AdvanceUntilAllFillsProcessedAsync(TimeSpan atMost)
    {
        for (var passed = TimeSpan.Zero; passed < atMost; passed += Step)
        {
            await WaitAsync(() => true).ConfigureAwait(false);
            if (AllFillsProcessed())
                return;
            Clock.Advance(Step);
        }

        await WaitUntilAllFillsProcessedAsync().ConfigureAwait(false);
    }

    /// <summary>Lets time pass a second at a time, the bot reacting to each tick.</summary>
    public async Task PassAsync(TimeSpan duration)
    {
        for (var passed = TimeSpan.Zero; passed < duration; passed += Step)
        {
            await WaitAsync(() => true).ConfigureAwait(false);
            Clock.Advance(Step);
        }

        await WaitAsync(() => true).ConfigureAwait(false);
    }

    /// <summary>Lets time pass a second at a time, the bot reacting to each tick, until <paramref name="done"/> holds.</summary>
    public async Task PassUntilAsync(Func<bool> done, string what)
    {
        var atMost = TimeSpan.FromMinutes(10);
        for (var passed = TimeSpan.Zero; passed <= atMost; passed += Step)
        {
            await WaitAsync(() => true).ConfigureAwait(false);
            if (done())
                return;
            Clock.Advance(Step);
        }

        throw new TimeoutException($"Not done within {atMost.TotalMinutes} minutes of clock: {what}.");
    }

    /// <summary>
    /// Lets time pass, 10 s at a time, until nothing is open: no hedge at the broker, no position over its
    /// threshold, no rebalancing move in flight. The poller reads each order filled, the position checker
    /// hedges what accumulated meanwhile, the rebalancer's workflow polls Alpaca on the same clock.
    /// </summary>
    public async Task SettleAsync()
    {
        var atMost = TimeSpan.FromMinutes(10);
        for (var passed = TimeSpan.Zero; passed <= atMost; passed += SettleStep)
        {
            await WaitUntilAllFillsProcessedAsync().ConfigureAwait(false);
            if (OpenOrders().Count == 0 && Positions().TrueForAll(position => position.Net.Abs().Value < 1m) && !MoveInFlight())
                return;
            Clock.Advance(SettleStep);
        }

        throw new TimeoutException($"The bot did not settle in {atMost.TotalMinutes} minutes of clock: {OpenOrders().Count} orders open, move in flight: {MoveInFlight()}.");
    }

    /// <summary>
    /// The feed drops once the bot has processed the first <paramref name="delivered"/> fills, refuses
    /// reconnects for <paramref name="refusedFor"/> while the chain goes on, then accepts them again.
    /// </summary>
    public async Task DropFeedMidBurstAsync(IReadOnlyList<ChainFill> burst, int delivered, TimeSpan refusedFor)
    {
        Push(burst.Take(delivered).ToList());
        await WaitUntilAllFillsProcessedAsync().ConfigureAwait(false);
        using (var read = Database.BeginRead())
            LastBlockBeforeTheDrop = read.EventQueue.LastProcessedBlock();
        Feed!.RefuseConnections();
        Feed.DropConnections();
        await WaitAsync(() => !Bot.Receiver.IsConnected).ConfigureAwait(false);
        Push(burst.Skip(delivered).ToList());
        await PassAsync(refusedFor).ConfigureAwait(false);
        Feed.AcceptConnections();
        await AdvanceUntilAllFillsProcessedAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
    }

    /// <summary>Stops the bot while the next hedge is at the broker: the stop waits for the broker's answer.</summary>
    public async Task StopWhileAHedgeIsAtTheBrokerAsync(IReadOnlyList<ChainFill> burst)
    {
        Broker.HoldNextPlacement();
        Push(burst);
        await Broker.PlacementHeld.WaitAsync(Patience).ConfigureAwait(false);
        // A batch records several hedges before sending them one by one: the one at the broker is the one it holds.
        var held = Broker.ReceivedOrders()[^1].ClientOrderId;
        var atBroker = OpenOrders().Single(order => order.Order.Terms.ClientOrderId == held).ExecutionId;
        var stopping = Bot.StopAsync(CancellationToken.None);
        Broker.ReleasePlacement();
        await stopping.WaitAsync(Patience).ConfigureAwait(false);
        HedgeAtShutdown = Order(atBroker);
        UnprocessedAtShutdown = QueueRows().Count(row => !row.Processed) + (pushed.Count - QueueRows().Count);
        await DisposeBotAsync().ConfigureAwait(false);
    }

    public async Task RestartAsync()
    {
        if (bot is not null)
        {
            await Bot.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await DisposeBotAsync().ConfigureAwait(false);
        }

        await StartAsync().ConfigureAwait(false);
    }

    public IReadOnlyList<RecordedEvent> EventLog() => Database.ReadEventLog();

    public IReadOnlyList<QueuedEvent> QueueRows()
    {
        using var read = Database.BeginRead();
        return read.EventQueue.All();
    }

    public int PushedFills => pushed.Count;

    /// <summary>Fills reported but not yet processed when the bot stopped (queued, or still to come from the feed).</summary>
    public int UnprocessedAtShutdown { get; private set; }

    /// <summary>The last block the bot had processed when the feed dropped.</summary>
    public long? LastBlockBeforeTheDrop { get; private set; }

    /// <summary>The hedge that was at the broker when the bot was stopped, as recorded when the stop completed.</summary>
    public OffchainOrder? HedgeAtShutdown { get; private set; }

    public IReadOnlyList<long> FeedRequestedBlocks => Feed!.RequestedBlocks;

    public int FeedRefusals => Feed!.RefusedAttempts;

    public List<Position> Positions() => [.. new PositionView(Database).All()];

    public IReadOnlyList<TrackedOrder> Orders() => new OffchainOrderView(Database).All();

    public OffchainOrder? Order(ExecutionId executionId) => new OffchainOrderView(Database).Load(executionId);

    public async ValueTask DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await DisposeBotAsync().ConfigureAwait(false);
        }

        if (Feed is not null)
            await Feed.DisposeAsync().ConfigureAwait(false);
        Feed = null;
    }

    private bool MoveInFlight() => Bot.Rebalancing?.Trigger.IsAnyMoveInProgress ?? false;

    private IReadOnlyList<TrackedOrder> OpenOrders() => new OffchainOrderView(Database).All("Pending", "Submitted", "PartiallyFilled");

    private bool AllFillsProcessed()
    {
        var rows = QueueRows();
        return rows.Count == pushed.Count && rows.All(row => row.Processed);
    }

    private async Task WaitAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        await Bot.WaitUntilQuiescentAsync(condition, patience.Token).ConfigureAwait(false);
    }

    private async Task DisposeBotAsync()
    {
        await bot!.DisposeAsync().ConfigureAwait(false);
        bot = null;
        world.CloseDatabase();
    }

    private ChainFill NextFill(ChainFillOrder order)
    {
        var transaction = ++nextTransaction;
        return new ChainFill(
            $"0x{transaction:x64}", 0, ++nextBlock, ScenarioClock.ScenarioStart.AddSeconds(transaction), order.Token.ToString(), order.Quantity, order.Side, 100m);
    }
}
