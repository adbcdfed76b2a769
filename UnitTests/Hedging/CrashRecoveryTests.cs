using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.OrderStatus;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.Hedging;

[TestFixture]
public sealed class CrashRecoveryTests
{
    private static readonly string[] Tokens = ["tAAPL", "tMSFT"];

    [Test]
    public async Task A_bot_killed_mid_batch_resumes_on_the_same_file_applying_every_trade_once_and_no_order_twice()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crash-{Guid.NewGuid():N}.db");
        var clock = new FakeTimeProvider(HedgingTestBed.Start);
        var broker = new MockExecutor(clock); // the broker outlives the bot: it remembers the orders it accepted
        var fills = Enumerable.Range(1, 30)
            .Select(number => FillEventData.ForFill(HedgingTestBed.Hash(number), 0, 100 + number, HedgingTestBed.Start, Tokens[number % 2], 0.3m + number % 5 / 10m, Direction.Sell, 100m))
            .ToList();
        try
        {
            // First life: the process dies while the second hedge is on its way, after the broker took it.
            using (var database = SqliteDatabase.OpenFile(path, clock))
            {
                var (conductor, _, queue) = Bot(database, new DyingExecutor(broker.Executor, dieAtPlacement: 2), clock);
                fills.ForEach(fill => queue.Enqueue(fill));
                await Should.ThrowAsync<OperationCanceledException>(() => queue.ProcessAllAsync(CancellationToken.None));
            }

            broker.ReceivedOrders().Count.ShouldBe(2, "orders the broker took before the crash");

            // Second life on the same file: the checker runs at start, the queue resumes, orders are polled.
            using (var database = SqliteDatabase.OpenFile(path, clock))
            {
                var (conductor, poller, queue) = Bot(database, broker.Executor, clock);
                await conductor.CheckAndExecuteAccumulatedPositionsAsync(CancellationToken.None);
                await queue.ProcessAllAsync(CancellationToken.None);
                clock.Advance(HedgingGuards.DefaultPlacementDeadline); // the dead process's placement is reconciled after its deadline
                for (var tick = 0; tick < 5; tick++)
                {
                    clock.Advance(OrderStatusPoller.Interval);
                    await poller.PollPendingOrdersAsync(CancellationToken.None);
                    await conductor.CheckAndExecuteAccumulatedPositionsAsync(CancellationToken.None);
                }

                var log = database.ReadEventLog();
                log.Where(recorded => recorded.EventType == "OnChainTradeEvent::Filled").Select(recorded => recorded.AggregateId)
                    .ShouldBe(fills.Select(fill => $"{fill.TxHash}:0"), ignoreOrder: true, "every trade recorded exactly once");
                log.Count(recorded => recorded.EventType == "PositionEvent::OnChainOrderFilled").ShouldBe(fills.Count, "fills applied to positions");
                broker.ReceivedOrders().Select(order => order.ClientOrderId).Distinct().Count().ShouldBe(broker.ReceivedOrders().Count, "no order sent twice");
                log.Count(recorded => recorded.EventType == "OffchainOrderEvent::Placed").ShouldBe(broker.ReceivedOrders().Count, "every recorded order reached the broker once");
                foreach (var token in Tokens)
                {
                    var symbol = Symbol.FromTokenSymbol(token);
                    var position = conductor.LoadPosition(symbol)!;
                    var sold = fills.Where(fill => fill.EventData.Contains(token, StringComparison.Ordinal)).Sum(fill => 0.3m + (int.Parse(fill.TxHash[^2..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) % 5) / 10m);
                    position.AccumulatedShort.Value.ShouldBe(sold, $"{symbol} sold on-chain");
                    position.PendingExecutionId.ShouldBeNull($"{symbol} has no order left open");
                    (-position.Net.Value).ShouldBeLessThan(1m, $"{symbol} is hedged down to below the threshold");
                }
            }
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                File.Delete(file);
        }
    }

    [Test]
    public async Task Answers_the_broker_gave_to_a_batch_that_the_bot_died_before_recording_are_found_by_client_order_id_and_each_order_is_filled_once()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crash-{Guid.NewGuid():N}.db");
        var clock = new FakeTimeProvider(HedgingTestBed.Start);
        var broker = new MockExecutor(clock);
        string[] tokens = [.. Tokens, "tNVDA"];
        var fills = tokens.Select((token, index) => FillEventData.ForFill(HedgingTestBed.Hash(index + 1), 0, 100 + index, HedgingTestBed.Start, token, 1.5m, Direction.Sell, 100m)).ToList();
        try
        {
            // First life: one batch, its trades and orders committed, its hedges taken by the broker; the process dies
            // before the transaction that follows, which would have recorded the broker's answers.
            using (var database = SqliteDatabase.OpenFile(path, clock))
            {
                var (_, _, queue) = Bot(database, broker.Executor, clock);
                queue.Enqueue(fills);
                (await queue.ProcessBatchAsync(EventQueueProcessor.DefaultBatchSize, CancellationToken.None)).Count.ShouldBe(fills.Count, "rows in the batch");
            }

            broker.ReceivedOrders().Count.ShouldBe(fills.Count, "orders the broker took before the crash");

            // Second life: nothing reconciled within the dead placer's deadline, then each order found by its client order id.
            using (var database = SqliteDatabase.OpenFile(path, clock))
            {
                var orders = new OffchainOrderView(database);
                orders.All("Pending").Count.ShouldBe(fills.Count, "orders recorded, the broker's answers lost with the process");
                var (conductor, poller, queue) = Bot(database, broker.Executor, clock);
                await conductor.CheckAndExecuteAccumulatedPositionsAsync(CancellationToken.None);
                await queue.ProcessAllAsync(CancellationToken.None);
                await poller.PollPendingOrdersAsync(CancellationToken.None);
                orders.All("Pending").Count.ShouldBe(fills.Count, "left to the dead placer until its deadline");
                clock.Advance(HedgingGuards.DefaultPlacementDeadline + OrderStatusPoller.Interval);
                for (var tick = 0; tick < 3; tick++)
                {
                    await poller.PollPendingOrdersAsync(CancellationToken.None);
                    await conductor.CheckAndExecuteAccumulatedPositionsAsync(CancellationToken.None);
                }

                broker.ReceivedOrders().Select(order => order.ClientOrderId).ShouldBe(orders.All().Select(tracked => tracked.Order.Terms.ClientOrderId), ignoreOrder: true, "one order per recorded hedge, none sent again");
                orders.All().ShouldAllBe(tracked => tracked.Order is OffchainOrder.Filled, "every order found at the broker and filled");
                database.ReadEventLog().Count(recorded => recorded.EventType == "OffchainOrderEvent::Submitted").ShouldBe(fills.Count, "each submission recorded once");
                foreach (var token in tokens)
                    conductor.LoadPosition(Symbol.FromTokenSymbol(token))!.Net.Value.ShouldBe(0m, $"{token}: the position hedged once");
            }
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                File.Delete(file);
        }
    }

    private static (Conductor Conductor, OrderStatusPoller Poller, EventQueueProcessor Queue) Bot(SqliteDatabase database, IExecutor executor, TimeProvider clock)
    {
        var bot = new BotComposition(database, executor, clock, HedgingSettings.ForExecutor(SupportedExecutor.DryRun));
        return (bot.Conductor, bot.Poller, bot.Queue);
    }

    /// <summary>Passes calls to the broker; at the given placement the broker takes the order and the process dies before the answer is recorded.</summary>
    private sealed class DyingExecutor(IExecutor broker, int dieAtPlacement) : IExecutor
    {
        private int placements;

        public SupportedExecutor Kind => broker.Kind;

        public Task<bool> IsMarketOpenAsync(CancellationToken cancellationToken) => broker.IsMarketOpenAsync(cancellationToken);

        public async Task<PlacementResult> PlaceMarketOrderAsync(MarketOrder order, CancellationToken cancellationToken)
        {
            var result = await broker.PlaceMarketOrderAsync(order, cancellationToken);
            if (++placements == dieAtPlacement)
                throw new OperationCanceledException("The process was killed.");
            return result;
        }

        public Task<BrokerOrderState> GetOrderStatusAsync(BrokerOrderId orderId, CancellationToken cancellationToken) => broker.GetOrderStatusAsync(orderId, cancellationToken);

        public Task<ClientOrderLookup> FindByClientOrderIdAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) => broker.FindByClientOrderIdAsync(clientOrderId, cancellationToken);

        public Task<CancelResult> CancelOrderAsync(BrokerOrderId orderId, CancellationToken cancellationToken) => broker.CancelOrderAsync(orderId, cancellationToken);
    }
}
