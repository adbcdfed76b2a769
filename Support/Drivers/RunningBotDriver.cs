using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.Hosting.OperatorSurface;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Support.Chain;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Support.Parameters;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// Drives the scenario's one world with the hosted bot running its tasks (<c>@e2e</c>): the world's
/// database (kept in a file, so the bot can stop and start again), broker and clock, the chain played by a
/// simulated Base node that mines on the scenario's clock, Alpaca and Circle as the rebalancing simulators.
/// Instead of sleeping it waits for the bot to be quiescent (no task busy, nothing queued, every workflow
/// waiting on the clock) with the expected work done, then advances the clock.
/// The inventory poller runs with no venue to read: the dry-run broker keeps no inventory and the stand-in
/// chain reports no vault balances, so the inventory is what Given steps set, moved by fills and moves.
/// </summary>
public sealed partial class RunningBotDriver(ScenarioWorld world, ScenarioRebalancing rebalancing) : IAsyncDisposable
{
    public const long DeploymentBlock = 100;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    /// <summary>How far the clock moves at a time while the bot settles: the shortest of its own intervals.</summary>
    private static readonly TimeSpan SettleStep = TimeSpan.FromSeconds(10);

    /// <summary>Long enough for a fill to be mined, confirmed and seen by the watchdog after a silence.</summary>
    private static readonly TimeSpan ConfirmationPatience = TimeSpan.FromMinutes(2);

    private HostedBot? bot;
    private LoggerFactory? loggers;

    public ScenarioClock Clock => world.Clock;

    public MockExecutor Broker => world.Broker.Mock;

    /// <summary>Whether the whole bot runs in this scenario: the chain's fills then come through its reader.</summary>
    public bool IsRunning => bot is not null;

    public ScenarioChain? Chain { get; private set; }

    private ScenarioChain TheChain => Chain ?? throw new InvalidOperationException("The chain is not running.");

    /// <summary>The operator API's bearer token in this scenario: drawn at random, written in no step and no report.</summary>
    public string OperatorToken { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Where the running bot's operator API listens (a free loopback port).</summary>
    public Uri OperatorApi => Bot.OperatorApi?.Address ?? throw new InvalidOperationException("The bot runs without its operator API.");

    /// <summary>Every line the running bot logged.</summary>
    public BotLogRecorder Log { get; } = new();

    private EventStoreDatabase Database => world.Database;

    private HostedBot Bot => bot ?? throw new InvalidOperationException("The bot is not running.");

    public async Task StartAsync()
    {
        world.KeepEventsInFile();
        Chain ??= await ScenarioChain.StartAsync(Clock, DeploymentBlock).ConfigureAwait(false);
        var options = new BotOptions { Chain = Chain.ReaderOptions(DeploymentBlock) };
        var stubs = rebalancing.ForRunningBot();
        loggers ??= new LoggerFactory([Log]);
        bot = HostedBot.Create(world.Hosted(options) with
        {
            Seed = 9,
            Loggers = loggers,
            OperatorApi = new OperatorApiSettings(IPAddress.Loopback, 0, OperatorToken),
            Rebalancing = new RebalancingComponents(stubs.Config, stubs.Connect),
        });
        await bot.StartAsync(CancellationToken.None).ConfigureAwait(false);
        await rebalancing.AttachAsync(bot.Rebalancing!).ConfigureAwait(false);
        await WaitAsync(() => Bot.Reader.IsConnected).ConfigureAwait(false);
    }

    /// <summary>The chain reports <paramref name="rounds"/> rounds of <paramref name="round"/>; returns once the bot has recorded them all.</summary>
    public Task ReportAsync(IReadOnlyList<ChainFillOrder> round, int rounds)
    {
        TheChain.Report(round, rounds);
        return AdvanceUntilAllFillsProcessedAsync();
    }

    /// <summary>A taker takes the bot's order; returns once the bot has processed the fill and is quiescent.</summary>
    public Task TradeAsync(Direction side, FractionalShares quantity, TokenizedEquity token, Usd price)
    {
        TheChain.Take(token, side, quantity.Value, price.Value);
        return AdvanceUntilAllFillsProcessedAsync();
    }

    /// <summary>Waits until the bot is quiescent: no task busy, nothing queued.</summary>
    public Task WaitUntilIdleAsync() => WaitAsync(() => true);

    /// <summary>Advances the clock a second at a time, letting the bot react to each tick, until every fill is processed.</summary>
    public Task AdvanceUntilAllFillsProcessedAsync() => PassUntilAsync(AllFillsProcessed, "every fill of the bot's orders processed", ConfirmationPatience);

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
    public async Task PassUntilAsync(Func<bool> done, string what, TimeSpan? within = null)
    {
        var atMost = within ?? TimeSpan.FromMinutes(10);
        for (var passed = TimeSpan.Zero; passed <= atMost; passed += Step)
        {
            await WaitAsync(() => true).ConfigureAwait(false);
            if (done())
                return;
            Clock.Advance(Step);
        }

        throw new TimeoutException($"Not done within {atMost.TotalSeconds} s of clock: {what}.");
    }

    /// <summary>
    /// Lets time pass, 10 s at a time, until nothing is open: no hedge at the broker, no position over its
    /// threshold, no rebalancing move in flight. The poller reads each order filled, the position checker
    /// hedges what accumulated meanwhile, the rebalancer's workflow polls Alpaca on the same clock. The HTTP
    /// brokers' simulators fill the orders open at them.
    /// </summary>
    public async Task SettleAsync()
    {
        var atMost = TimeSpan.FromMinutes(10);
        for (var passed = TimeSpan.Zero; passed <= atMost; passed += SettleStep)
        {
            await AdvanceUntilAllFillsProcessedAsync().ConfigureAwait(false);
            if (OpenOrders().Count == 0 && Positions().TrueForAll(position => position.Net.Abs().Value < 1m) && !MoveInFlight())
                return;
            FillOpenOrdersAtTheBrokers();
            Clock.Advance(SettleStep);
        }

        throw new TimeoutException($"The bot did not settle in {atMost.TotalMinutes} minutes of clock: {OpenOrders().Count} orders open, move in flight: {MoveInFlight()}.");
    }

    /// <summary>
    /// The node drops every connection once the bot has processed the first <paramref name="delivered"/> fills,
    /// refuses reconnects for <paramref name="refusedFor"/> while the chain goes on, then accepts them again.
    /// </summary>
    public async Task DropFeedMidBurstAsync(IReadOnlyList<ChainFillOrder> round, int rounds, int delivered, TimeSpan refusedFor)
    {
        var burst = Enumerable.Range(0, rounds).SelectMany(_ => round).ToList();
        TheChain.Report(burst.Take(delivered).ToList(), 1);
        await AdvanceUntilAllFillsProcessedAsync().ConfigureAwait(false);
        CheckpointBeforeTheDrop = Checkpoint();
        ConnectionsBeforeTheDrop = TheChain.Node.Connections;
        TheChain.Node.Faults.Refusing = true;
        TheChain.Node.DropConnections();
        await WaitAsync(() => !Bot.Reader.IsConnected).ConfigureAwait(false);
        TheChain.Report(burst.Skip(delivered).ToList(), 1);
        await PassAsync(refusedFor).ConfigureAwait(false);
        RefusalsDuringTheOutage = TheChain.Node.RefusedConnections;
        TheChain.Node.Faults.Refusing = false;
        await AdvanceUntilAllFillsProcessedAsync().ConfigureAwait(false);
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

    /// <summary>How many fills of the bot's orders the chain reported that the bot must record and hedge.</summary>
    public int PushedFills => TheChain.HedgeableFills.Count;

    /// <summary>Fills reported but not yet processed when the bot stopped (queued, or still to be read from the chain).</summary>
    public int UnprocessedAtShutdown { get; private set; }

    /// <summary>The bot's checkpoint (the last block it had read) when the node dropped its connection.</summary>
    public long? CheckpointBeforeTheDrop { get; private set; }

    /// <summary>How many connections the node had accepted when it dropped them.</summary>
    public int ConnectionsBeforeTheDrop { get; private set; }

    /// <summary>The reconnects the node refused while it was refusing them.</summary>
    public int RefusalsDuringTheOutage { get; private set; }

    /// <summary>The hedge that was at the broker when the bot was stopped, as recorded when the stop completed.</summary>
    public OffchainOrder? HedgeAtShutdown { get; private set; }

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

        if (Chain is not null)
            await Chain.DisposeAsync().ConfigureAwait(false);
        Chain = null;
        loggers?.Dispose();
        loggers = null;
    }

    private bool MoveInFlight() => Bot.Rebalancing?.Trigger.IsAnyMoveInProgress ?? false;

    private IReadOnlyList<TrackedOrder> OpenOrders() => new OffchainOrderView(Database).All("Pending", "Submitted", "PartiallyFilled");

    private bool AllFillsProcessed()
    {
        var expected = TheChain.HedgeableFills.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rows = QueueRows().Where(row => expected.Contains(row.Event.TxHash)).ToList();
        return rows.Count == expected.Count && rows.All(row => row.Processed);
    }

    // Quiescent, and nothing the node pushed is still on its way: the reader counts as idle while it waits for a push,
    // so without the second test a push in flight would let the clock run on, block after block, before it arrives.
    private async Task WaitAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        await Bot.WaitUntilQuiescentAsync(() => PushesArrived() && condition(), patience.Token).ConfigureAwait(false);
    }

    // Re-checked at each change of the bot's activity: a push arriving wakes the reader, which is one.
    private bool PushesArrived() =>
        Bot.Reader.PushesReceived is not { } received || Chain?.Node.PushedOnNewestConnection is not { } pushed || received >= pushed;

    private async Task DisposeBotAsync()
    {
        await bot!.DisposeAsync().ConfigureAwait(false);
        bot = null;
        world.CloseDatabase();
    }
}
