using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.VaultRegistries;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Hedging;

/// <summary>The bot hedges only the symbols it knows (§2): others are dead letters that say why, and nothing of them is hedged.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class UnknownTokenTests
{
    private const string RegistryId = "0x3000000000000000000000000000000000000003:0x1000000000000000000000000000000000000001";
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task A_fill_of_an_unknown_token_is_a_dead_letter_naming_the_known_ones_and_nothing_is_hedged()
    {
        using var bed = new Bed(["MSFT", "AAPL"]);
        bed.Queue("tXYZ", 1, 2m);
        bed.Queue("tAAPL", 2, 1.5m);

        var steps = await bed.Bot.Queue.ProcessAllAsync(None);

        var refused = steps.OfType<QueueStep.DeadLettered>().ShouldHaveSingleItem("dead letters");
        refused.Error.ToString().ShouldBe("token_symbol: unknown token tXYZ (known: AAPL, MSFT) (UnknownToken)");
        bed.Bot.Queue.Rows().Single(row => row.Id == refused.RowId).Error.ShouldBe(refused.Error.ToString(), "the reason kept on the row");
        bed.Broker.ReceivedOrders().Select(order => order.Symbol.Value).ShouldBe(["AAPL"], "orders the broker received: the other symbol is still hedged");
        bed.Database.ReadEventLog().ShouldNotContain(recorded => recorded.AggregateId.Contains("XYZ") || recorded.Payload.Contains("XYZ"), "events of the unknown token");
    }

    [Test]
    public async Task A_token_the_vault_registry_discovered_is_hedged()
    {
        using var bed = new Bed(["AAPL"]);
        var store = new SqliteAggregateStore(bed.Database, bed.Clock, new CommittedEventFeed(bed.Database));
        await store.ExecuteAsync(VaultRegistryDecider.Kind, RegistryId, new VaultRegistryCommand.DiscoverEquityVault(
            "0x7aa91000000000000000000000000000000000c3", "0x" + new string('c', 64), "0x" + new string('0', 63) + "1", new Symbol("XYZ")), None);
        bed.Queue("tXYZ", 1, 2m);
        bed.Queue("tQQQ", 2, 2m);

        var steps = await bed.Bot.Queue.ProcessAllAsync(None);

        steps.OfType<QueueStep.Processed>().ShouldHaveSingleItem().TradeId.TxHash.ShouldBe(Bed.Hash(1));
        steps.OfType<QueueStep.DeadLettered>().ShouldHaveSingleItem().Error.Message.ShouldBe("unknown token tQQQ (known: AAPL, XYZ)");
        bed.Broker.ReceivedOrders().Select(order => order.Symbol.Value).ShouldBe(["XYZ"]);
    }

    [Test]
    public async Task A_fill_of_zero_is_a_dead_letter_saying_so_and_nothing_is_hedged()
    {
        using var bed = new Bed(["AAPL"]);
        bed.Bot.Queue.Enqueue(new ChainEvent(Bed.Hash(1), 0, 100, Bed.Start, """{"token_symbol":"tAAPL","amount":"0","direction":"Sell","price_usdc":"100"}"""));

        var refused = (await bed.Bot.Queue.ProcessAllAsync(None)).ShouldHaveSingleItem().ShouldBeOfType<QueueStep.DeadLettered>();

        refused.Error.ToString().ShouldBe("amount: must be greater than 0, was 0 (NonPositive)");
        bed.Broker.ReceivedOrders().ShouldBeEmpty();
    }

    [Test]
    public async Task Without_a_configured_list_every_token_is_hedged()
    {
        using var bed = new Bed(null);
        bed.Queue("tXYZ", 1, 2m);

        (await bed.Bot.Queue.ProcessAllAsync(None)).ShouldHaveSingleItem().ShouldBeOfType<QueueStep.Processed>();
        bed.Broker.ReceivedOrders().ShouldHaveSingleItem().Symbol.ShouldBe(new Symbol("XYZ"));
    }

    private sealed class Bed : IDisposable
    {
        public static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);

        public Bed(string[]? known)
        {
            Clock = new FakeTimeProvider(Start);
            Database = SqliteDatabase.InMemory(Clock);
            Broker = new MockExecutor(Clock);
            var settings = HedgingSettings.ForExecutor(SupportedExecutor.DryRun) with
            {
                KnownSymbols = known?.Select(ticker => new Symbol(ticker)).ToHashSet(),
            };
            Bot = new BotComposition(Database, Broker.Executor, Clock, settings);
        }

        public FakeTimeProvider Clock { get; }

        public SqliteDatabase Database { get; }

        public MockExecutor Broker { get; }

        public BotComposition Bot { get; }

        public static string Hash(int number) => $"0x{number:x64}";

        public void Queue(string token, int number, decimal amount) =>
            Bot.Queue.Enqueue(FillEventData.ForFill(Hash(number), 0, 100 + number, Start, token, amount, Direction.Sell, 100m));

        public void Dispose() => Database.Dispose();
    }
}
