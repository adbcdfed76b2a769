using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Hedging;

/// <summary>
/// The checker's tick finds the positions that may be ready from their view rows (§6.6 step 2), on each store: never
/// one that <see cref="HedgeReadiness"/> finds ready left out, none with a pending execution or far below its threshold
/// read, and the hedges placed are exactly those of the ready positions.
/// </summary>
[TestFixture(EventStoreKind.Sqlite)]
[TestFixture(EventStoreKind.Postgres)]
[Category("store-contract")]
public sealed class ReadyPositionsTests(EventStoreKind kind) : HedgingStoreFixture(kind)
{
    private MockExecutor broker = null!;
    private Conductor conductor = null!;

    [SetUp]
    public void OpenBroker() => broker = new MockExecutor(Clock);

    [Test]
    public async Task Share_thresholds_pick_the_positions_at_or_over_one_share_without_a_pending_execution()
    {
        StartBot(SupportedExecutor.DryRun);
        await HedgedAsync("tPEND", 2m); // a pending execution: never a candidate
        broker.WithMarketOpen(false);
        await FillAsync("tEXACT", 1m, Direction.Sell); // inclusive
        await FillAsync("tBELOW", 0.999m, Direction.Sell);
        await FillAsync("tLONG", 1.2m, Direction.Buy);
        await FillAsync("tFLAT", 0.5m, Direction.Buy, 0.5m, Direction.Sell);
        await FillAsync("tTINY", 1.0000000000000000000000000001m, Direction.Sell); // past double precision
        await FillAsync("tHAIR", 0.9999999999999999999999999999m, Direction.Sell);

        var candidates = MayBeReady(null);

        candidates.ShouldBe(["EXACT", "LONG", "TINY", "HAIR"], "oldest update first; 0.9999… passes the margin, to be decided in C#");
        ReadyAmong(SupportedExecutor.DryRun).ShouldBe(["EXACT", "LONG", "TINY"], "what HedgeReadiness finds ready");
        broker.WithMarketOpen(true);
        (await conductor.CheckAndExecuteAccumulatedPositionsAsync(None)).Count.ShouldBe(3, "hedges of the tick");
        broker.ReceivedOrders().Select(order => order.Symbol.Value).ShouldBe(["PEND", "EXACT", "LONG", "TINY"]);
    }

    [Test]
    public async Task Dollar_thresholds_need_two_dollars_at_the_last_price()
    {
        StartBot(SupportedExecutor.AlpacaBrokerApi);
        broker.WithMarketOpen(false);
        await FillAsync("tTWO", 0.02m, Direction.Sell, price: 100m); // $2.00, inclusive
        await FillAsync("tLESS", 0.019m, Direction.Sell, price: 100m); // $1.90
        await FillAsync("tDEAR", 0.008m, Direction.Buy, price: 250m); // $2.00

        MayBeReady(null).ShouldBe(["TWO", "DEAR"]);
        ReadyAmong(SupportedExecutor.AlpacaBrokerApi).ShouldBe(["TWO", "DEAR"]);
    }

    [Test]
    public async Task A_threshold_given_for_every_position_replaces_their_own()
    {
        StartBot(SupportedExecutor.AlpacaBrokerApi);
        broker.WithMarketOpen(false);
        await FillAsync("tTWO", 0.02m, Direction.Sell, price: 100m);
        await FillAsync("tSHARE", 1m, Direction.Sell, price: 0.5m); // $0.50: under its own threshold, one share on Schwab's

        MayBeReady(null).ShouldBe(["TWO"], "each position's own dollar threshold");
        MayBeReady(ExecutionThreshold.ForExecutor(SupportedExecutor.Schwab)).ShouldBe(["SHARE"], "one share for every position");
        MayBeReady(new ExecutionThreshold.DollarValue(new Usd(0.5m))).ShouldBe(["TWO", "SHARE"], "$0.50 for every position");
    }

    private void StartBot(SupportedExecutor executor)
    {
        broker.WithKind(executor);
        conductor = BotComposition.For(Database, broker.Executor, Clock).Conductor;
    }

    private IReadOnlyList<string> MayBeReady(ExecutionThreshold? threshold)
    {
        using var unit = Database.BeginRead();
        return PositionView.MayBeReady(unit, threshold);
    }

    private List<string> ReadyAmong(SupportedExecutor executor) =>
        new PositionView(Database).All()
            .Where(position => HedgeReadiness.Evaluate(position, executor) is HedgeDecision.Ready)
            .Select(position => position.Symbol.Value)
            .ToList();

    // A hedge submitted and never polled: its position has a pending execution.
    private async Task HedgedAsync(string token, decimal amount)
    {
        var execution = (await conductor.ProcessTradeWithinTransactionAsync(NextFill(token, amount, Direction.Sell), None)).ShouldNotBeNull($"a hedge of {token}");
        await conductor.ExecutePendingOffchainExecutionAsync(execution.ExecutionId, None); // submitted, never polled
    }

    private async Task FillAsync(string token, decimal amount, Direction direction, decimal price = 100m)
    {
        Clock.Advance(TimeSpan.FromSeconds(1)); // last_updated orders the candidates
        (await conductor.ProcessTradeWithinTransactionAsync(NextFill(token, amount, direction, price), None)).ShouldBeNull($"no hedge of {token} while closed");
    }

    private async Task FillAsync(string token, decimal first, Direction firstDirection, decimal second, Direction secondDirection)
    {
        await FillAsync(token, first, firstDirection);
        await FillAsync(token, second, secondDirection);
    }
}
