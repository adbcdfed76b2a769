using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using Moq;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.InventorySnapshots;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Support.Chain;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.Hosting;

using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.UnitTests.Hosting;

[TestFixture]
public sealed class HostedRebalancingTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly Symbol Aapl = new("AAPL");
    private const string Token = "0x7aa91000000000000000000000000000000000a1";

    [Test]
    public async Task A_mint_waiting_for_alpaca_leaves_the_bot_quiescent_and_each_tick_of_the_bots_clock_polls_once()
    {
        using var world = await World.StartAsync();
        world.Rebalancing.Tokenization.AcceptsMintsAndCompletesThemAfter(TimeSpan.FromSeconds(20));
        await using var bot = await world.StartBotAsync();
        await world.Rebalancing.RegisterVaultAsync(Aapl, Token, "0xvault");
        world.Rebalancing.Inventory.Set(new InventoryAsset.Equity(Aapl), 20m, 80m);

        world.Feed.Take(new(Aapl), Direction.Sell, 1m, 100m);
        await BotClock.AdvanceUntilAsync(bot, world.Clock, () => world.MintEvents().Count == 2);
        world.MintEvents().ShouldBe(["MintRequested", "MintAccepted"], "the mint, waiting for its next look at Alpaca's list");
        world.Rebalancing.Tokenization.MintListings().Count.ShouldBe(1, "looks at the list before the clock moved");

        world.Clock.Advance(StatusPolling.ManagerInterval);
        await Quiescent(bot, () => world.Rebalancing.Tokenization.MintListings().Count == 2);
        world.MintEvents().Count.ShouldBe(2, "mint events while Alpaca still lists it pending");

        world.Clock.Advance(StatusPolling.ManagerInterval);
        await Quiescent(bot, () => world.MintEvents().Count == 4);
        world.MintEvents().ShouldBe(["MintRequested", "MintAccepted", "TokensReceived", "MintCompleted"], "the mint's events");
        world.Rebalancing.Tokenization.MintListings().Count.ShouldBe(3, "looks at the list: at once, then every 10 s");
        world.Rebalancing.Tokenization.MintRequests().ShouldHaveSingleItem("mint requests").Field("qty").ShouldBe("30.500000000", "quantity minted");
        world.Rebalancing.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(49.5m, 0m), new(49.5m, 0m), world.Clock.GetUtcNow()), "AAPL after the mint");
        world.Rebalancing.Trigger.IsEquityInProgress(Aapl).ShouldBeFalse("the AAPL guard after the mint");
        await bot.StopAsync(CancellationToken.None).WaitAsync(Patience);
    }

    [Test]
    public async Task A_restart_keeps_the_guard_of_a_mint_under_way_and_trusts_the_inventory_only_after_both_venues_are_read()
    {
        using var world = await World.StartAsync();
        world.Rebalancing.Tokenization.AcceptsMintsAndKeepsThemPending();
        await using (var bot = await world.StartBotAsync())
        {
            await world.Rebalancing.RegisterVaultAsync(Aapl, Token, "0xvault");
            world.Rebalancing.Inventory.Set(new InventoryAsset.Equity(Aapl), 20m, 80m);
            world.Feed.Take(new(Aapl), Direction.Sell, 1m, 100m);
            await BotClock.AdvanceUntilAsync(bot, world.Clock, () => world.MintEvents().Count == 2);
            // The shutdown ends the mint's wait for its next poll: with a 30 s deadline, a stop that waited for it would outlast the patience.
            await bot.StopAsync(CancellationToken.None).WaitAsync(Patience);
        }

        world.Chain.Setup(source => source.ReadAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([new InventorySnapshotCommand.OnchainEquity(Holding(19m))]);
        await using (var bot = await world.StartBotAsync())
        {
            var side = bot.Rebalancing.ShouldNotBeNull("the restarted bot's rebalancing side");
            await Quiescent(bot, () => world.EventNames("InventorySnapshot").Count == 1);
            side.Trigger.IsEquityInProgress(Aapl).ShouldBeTrue("the AAPL guard, held by the mint under way");
            side.Inventory.Equity(Aapl).Offchain.ShouldBe(new VenueBalance(0m, 30.5m), "AAPL that left the broker for the mint");
            side.Inventory.AwaitingSnapshots.ShouldBeTrue("only the chain has been read since the restart");
            side.Trigger.SentOperations.ShouldBeEmpty("operations after the restart");
            world.MintEvents().ShouldBe(["MintRequested", "MintAccepted"], "the mint is not resumed");
            await bot.StopAsync(CancellationToken.None).WaitAsync(Patience);
        }
    }

    [Test]
    public async Task The_inventory_poller_reads_every_venue_at_start_and_then_every_minute()
    {
        using var world = await World.StartAsync();
        world.Chain.Setup(source => source.ReadAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([new InventorySnapshotCommand.OnchainEquity(Holding(45m)), new InventorySnapshotCommand.OnchainCash(new Usd(120m))]);
        world.Broker.Setup(source => source.ReadAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([new InventorySnapshotCommand.OffchainEquity(Holding(55m)), new InventorySnapshotCommand.OffchainCash(12_345)]);
        await using var bot = await world.StartBotAsync();

        await Quiescent(bot, () => world.EventNames("InventorySnapshot").Count == 4);
        world.EventNames("InventorySnapshot").ShouldBe(["OnchainEquity", "OnchainCash", "OffchainEquity", "OffchainCash"], "snapshots at start");
        var side = bot.Rebalancing!;
        side.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(45m, 0m), new(55m, 0m), null), "AAPL read from both venues");
        side.Inventory.Usdc.ShouldBe(new AssetInventory(new(120m, 0m), new(123.45m, 0m), null), "USDC on-chain and the broker's cash");
        side.Inventory.AwaitingSnapshots.ShouldBeFalse("both venues have been read");
        side.Trigger.SentOperations.ShouldBeEmpty("both holdings are inside their bands");

        world.Clock.Advance(TimeSpan.FromSeconds(59));
        await Quiescent(bot, () => true);
        world.EventNames("InventorySnapshot").Count.ShouldBe(4, "snapshots before a minute passed");
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        await Quiescent(bot, () => world.EventNames("InventorySnapshot").Count == 8);
        world.Chain.Verify(source => source.ReadAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
        await bot.StopAsync(CancellationToken.None).WaitAsync(Patience);
    }

    [Test]
    public async Task A_move_that_fails_at_once_is_sent_again_only_after_a_pause_on_the_clock()
    {
        using var world = await World.StartAsync();
        world.Chain.Setup(source => source.ReadAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([new InventorySnapshotCommand.OnchainCash(new Usd(100m))]);
        world.Broker.Setup(source => source.ReadAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([new InventorySnapshotCommand.OffchainCash(90_000)]);
        world.Rebalancing.Wallet.RejectsConversions("account not enabled for crypto");
        await using var bot = await world.StartBotAsync(); // every move fails at its first step

        await Quiescent(bot, () => world.EventNames("UsdcRebalance").Count == 2);
        world.EventNames("UsdcRebalance").ShouldBe(["ConversionInitiated", "ConversionFailed"], "moves before the clock moved");
        bot.Rebalancing!.Trigger.SentOperations.Count.ShouldBe(2, "the failed move was sent again at once");

        world.Clock.Advance(TimeSpan.FromSeconds(59));
        await Quiescent(bot, () => true);
        world.EventNames("UsdcRebalance").Count.ShouldBe(2, "events before the first pause of a minute ended");
        world.Clock.Advance(TimeSpan.FromSeconds(1));
        await Quiescent(bot, () => world.EventNames("UsdcRebalance").Count == 4);
        world.Clock.Advance(TimeSpan.FromSeconds(60));
        await Quiescent(bot, () => true);
        world.EventNames("UsdcRebalance").Count.ShouldBe(4, "events one minute into the second pause, of two minutes");
        world.Clock.Advance(TimeSpan.FromSeconds(60));
        await Quiescent(bot, () => world.EventNames("UsdcRebalance").Count == 6);
        world.EventNames("UsdcRebalance").ShouldBe(
            ["ConversionInitiated", "ConversionFailed", "ConversionInitiated", "ConversionFailed", "ConversionInitiated", "ConversionFailed"],
            "three attempts: at once, a minute later, two minutes after that");
        await bot.StopAsync(CancellationToken.None).WaitAsync(Patience);
    }


    private static ImmutableDictionary<Symbol, FractionalShares> Holding(decimal shares) =>
        ImmutableDictionary<Symbol, FractionalShares>.Empty.Add(Aapl, new FractionalShares(shares));

    private static async Task Quiescent(HostedBot bot, Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        await bot.WaitUntilQuiescentAsync(condition, patience.Token);
    }

    /// <summary>Everything around the bot: one clock, one database file, the chain feed, the broker, Alpaca and the venues' books.</summary>
    private sealed class World : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("hosted-rebalancing-").FullName;
        private SqliteDatabase? database;

        private World(ScenarioClock clock, ScenarioChain feed)
        {
            Clock = clock;
            Feed = feed;
            Orders = new MockExecutor(Clock);
            Rebalancing = RebalancingHost.ForRunningBot(Clock, RebalancingHost.DefaultConfig);
            Chain.Setup(source => source.ReadAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
            Broker.Setup(source => source.ReadAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        }

        public ScenarioClock Clock { get; }
        public ScenarioChain Feed { get; }
        public MockExecutor Orders { get; }
        public RebalancingHost Rebalancing { get; }
        public Mock<IInventorySource> Chain { get; } = new(MockBehavior.Strict);
        public Mock<IInventorySource> Broker { get; } = new(MockBehavior.Strict);

        public static async Task<World> StartAsync()
        {
            var clock = new ScenarioClock(Start);
            return new World(clock, await ScenarioChain.StartAsync(clock, deploymentBlock: 100));
        }

        /// <summary>A bot on the world's database file (opened again for each start) with the rebalancing side attached.</summary>
        public async Task<HostedBot> StartBotAsync()
        {
            database?.Dispose();
            database = SqliteDatabase.OpenFile(Path.Combine(folder, "bot.db"), Clock);
            // The hedge of the fill stays at the broker: these tests are about the rebalancing side's view.
            var options = new BotOptions { Chain = Feed.ReaderOptions(100, requiredConfirmations: 0), OrderStatusInterval = TimeSpan.FromHours(1) };
            var rebalancing = new RebalancingComponents(Rebalancing.Config, Rebalancing.Connect) { InventorySources = [Chain.Object, Broker.Object] };
            var bot = HostedBot.Create(new BotComponents(database, Orders.Executor, Clock, options, HedgingSettings.ForExecutor(SupportedExecutor.DryRun))
            {
                Seed = 7,
                Rebalancing = rebalancing,
            });
            Rebalancing.Attach(bot.Rebalancing!);
            await bot.StartAsync(CancellationToken.None);
            return bot;
        }

        public IReadOnlyList<string> MintEvents() => EventNames("TokenizedEquityMint");

        public IReadOnlyList<string> EventNames(string aggregateType) =>
            [.. database!.ReadEventLog().Where(row => row.AggregateType == aggregateType).Select(row => row.EventName)];

        public void Dispose()
        {
            Rebalancing.Dispose();
            database?.Dispose();
            Feed.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        }
    }
}
