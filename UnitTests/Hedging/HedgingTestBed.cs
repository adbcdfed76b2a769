using Microsoft.Extensions.Time.Testing;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Domain.OrderStatus;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.Hedging;

/// <summary>One test's bot: a fresh database, a fake clock inside market hours, the broker mock and the services.</summary>
public sealed class HedgingTestBed : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);

    private int nextTransaction;

    public HedgingTestBed(
        SupportedExecutor kind = SupportedExecutor.DryRun, SqliteDatabase? database = null, FakeTimeProvider? clock = null, MockExecutor? broker = null)
    {
        Clock = clock ?? new FakeTimeProvider(Start);
        Database = database ?? SqliteDatabase.InMemory(Clock);
        Executor = broker ?? new MockExecutor(Clock);
        Executor.WithKind(kind);
        var bot = BotComposition.For(Database, Executor.Executor, Clock);
        Conductor = bot.Conductor;
        Poller = bot.Poller;
        Queue = bot.Queue;
        Guards = bot.Guards;
    }

    public FakeTimeProvider Clock { get; }

    public SqliteDatabase Database { get; }

    public MockExecutor Executor { get; }

    public HedgingGuards Guards { get; }

    public Conductor Conductor { get; }

    public OrderStatusPoller Poller { get; }

    public EventQueueProcessor Queue { get; }

    public static string Hash(int number) => $"0x{number:x64}";

    public static OnChainFill Fill(string txHash, string token, decimal amount, Direction direction, decimal price = 100m, long logIndex = 0) =>
        OnChainFill.Create(txHash, logIndex, token, amount, direction, price, 100, Start.AddSeconds(-12)) is FillValidation.Valid valid
            ? valid.Fill
            : throw new ArgumentException("invalid test fill");

    /// <summary>The bot sells/buys on-chain: the fill is processed and a triggered hedge is sent at once.</summary>
    public async Task<OffchainExecution?> TradeAsync(string token, decimal amount, Direction direction, decimal price = 100m)
    {
        var execution = await Conductor.ProcessTradeWithinTransactionAsync(Fill(Hash(++nextTransaction), token, amount, direction, price), CancellationToken.None);
        if (execution is not null)
            await Conductor.ExecutePendingOffchainExecutionAsync(execution.ExecutionId, CancellationToken.None);
        return execution;
    }

    public IReadOnlyList<string> EventTypes() => Database.ReadEventLog().Select(recorded => recorded.EventType).ToList();

    public IReadOnlyList<RecordedEvent> Events(string aggregateType, string aggregateId) =>
        Database.ReadEventLog().Where(recorded => recorded.AggregateType == aggregateType && recorded.AggregateId == aggregateId).ToList();

    public void Dispose() => Database.Dispose();
}
