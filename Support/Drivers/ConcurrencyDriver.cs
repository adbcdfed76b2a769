using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Support.Contexts;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// Several real workers of one bot over one database file at the same time: each takes the next
/// delivered fill (every fill is delivered twice), hedges, polls the broker and now and then runs the
/// checker; the event log then shows what happened.
/// </summary>
public sealed class ConcurrencyDriver(ScenarioWorld host)
{
    private const int PollEvery = 10;
    private const int CheckEvery = 250;
    private const int SettlingRounds = 20;

    private List<OnChainFill> fills = [];

    public async Task ProcessConcurrentlyAsync(int workers, int fillCount, int symbolCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fillCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(symbolCount);
        // A WAL file, as the workers of a deployment share one: writers queue on BEGIN IMMEDIATE, readers never wait.
        host.KeepEventsInFile();
        var bot = host.Bot;
        fills = MakeFills(fillCount, symbolCount, ChainContext.BlockTimestamp(host.Clock.GetUtcNow()));
        // Every fill is delivered twice (live and backfill), to two different workers that may run it at the same moment.
        var deliveries = new ConcurrentQueue<OnChainFill>(fills.SelectMany(fill => new[] { fill, fill }));
        var team = Enumerable.Range(0, workers).Select(_ => bot.Worker(host.Broker.Executor)).ToList();
        await Task.WhenAll(team.Select(worker => Task.Run(() => WorkAsync(worker, deliveries))));
        await SettleAsync(bot);
    }

    /// <summary>For every generated fill: how often it was recorded as a trade and applied to its position.</summary>
    public IReadOnlyList<FillApplication> FillApplications()
    {
        var log = host.Database.ReadEventLog();
        var trades = log.Where(recorded => recorded is { AggregateType: "OnChainTrade", EventName: "Filled" })
            .GroupBy(recorded => recorded.AggregateId).ToDictionary(group => group.Key, group => group.Count());
        var positionFills = log.Where(recorded => recorded is { AggregateType: "Position", EventName: "OnChainOrderFilled" })
            .GroupBy(recorded => TradeIdOf(recorded).ToString()).ToDictionary(group => group.Key, group => group.Count());
        var known = fills.Select(fill => fill.TradeId.ToString()).ToHashSet();
        var strangers = trades.Keys.Concat(positionFills.Keys).Where(id => !known.Contains(id)).Distinct()
            .Select(id => new FillApplication(new TradeId(id, -1), trades.GetValueOrDefault(id), positionFills.GetValueOrDefault(id)));
        return fills.Select(fill => fill.TradeId.ToString())
            .Select(id => new FillApplication(fills.First(fill => fill.TradeId.ToString() == id).TradeId, trades.GetValueOrDefault(id), positionFills.GetValueOrDefault(id)))
            .Concat(strangers)
            .ToList();
    }

    /// <summary>Per symbol, the most broker orders that were open at once, replaying the event log in order.</summary>
    public IReadOnlyDictionary<Symbol, int> MostOrdersOpenAtOnce()
    {
        var open = new Dictionary<Symbol, int>();
        var most = new Dictionary<Symbol, int>();
        foreach (var recorded in host.Database.ReadEventLog().Where(recorded => recorded.AggregateType == "Position"))
        {
            var symbol = new Symbol(recorded.AggregateId);
            open[symbol] = open.GetValueOrDefault(symbol) + recorded.EventName switch
            {
                "OffChainOrderPlaced" => 1,
                "OffChainOrderFilled" or "OffChainOrderFailed" => -1,
                _ => 0,
            };
            most[symbol] = Math.Max(most.GetValueOrDefault(symbol), open[symbol]);
        }

        return most;
    }

    public IReadOnlyList<NetCheck> NetChecks()
    {
        var hedges = host.Database.ReadEventLog()
            .Where(recorded => recorded is { AggregateType: "Position", EventName: "OffChainOrderFilled" })
            .GroupBy(recorded => recorded.AggregateId)
            .ToDictionary(group => group.Key, group => group.Sum(SignedHedge));
        return host.Positions.All()
            .Select(position => new NetCheck(
                position.Symbol,
                position.Net.Value,
                fills.Where(fill => fill.Symbol == position.Symbol && fill.Direction == Direction.Buy).Sum(fill => fill.Amount.Value),
                fills.Where(fill => fill.Symbol == position.Symbol && fill.Direction == Direction.Sell).Sum(fill => fill.Amount.Value),
                hedges.GetValueOrDefault(position.Symbol.Value)))
            .ToList();
    }

    public int FillCount => fills.Count;

    public int SymbolCount => fills.Select(fill => fill.Symbol).Distinct().Count();

    private static async Task WorkAsync(Bot worker, ConcurrentQueue<OnChainFill> deliveries)
    {
        for (var steps = 1; deliveries.TryDequeue(out var fill); steps++)
        {
            if (await worker.Conductor.ProcessTradeWithinTransactionAsync(fill, CancellationToken.None) is { } execution)
                await worker.Conductor.ExecutePendingOffchainExecutionAsync(execution.ExecutionId, CancellationToken.None);
            if (steps % PollEvery == 0)
                await worker.Poller.PollPendingOrdersAsync(CancellationToken.None);
            if (steps % CheckEvery == 0)
                await worker.Conductor.CheckAndExecuteAccumulatedPositionsAsync(CancellationToken.None);
        }
    }

    // After every delivery: poll and check until every order has ended and nothing is left to hedge.
    private static async Task SettleAsync(Bot bot)
    {
        for (var round = 0; round < SettlingRounds; round++)
        {
            await bot.Poller.PollPendingOrdersAsync(CancellationToken.None);
            var started = await bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(CancellationToken.None);
            if (started.Count == 0 && bot.Orders.All("Pending", "Submitted", "PartiallyFilled").Count == 0)
                return;
        }

        throw new InvalidOperationException($"The bot did not settle after {SettlingRounds} rounds of polling and checking.");
    }

    private static List<OnChainFill> MakeFills(int count, int symbolCount, DateTimeOffset blockTimestamp)
    {
        var random = new Random(20250312); // fixed: a failure can be replayed
        return Enumerable.Range(1, count)
            .Select(number => OnChainFill.Create(
                string.Create(CultureInfo.InvariantCulture, $"0x{number:x64}"), number % 3, string.Create(CultureInfo.InvariantCulture, $"tSYM{number % symbolCount}"),
                random.Next(1, 10) / 10m, random.Next(2) == 0 ? Direction.Buy : Direction.Sell, 100m, 1000 + number, blockTimestamp))
            .Select(validation => validation is FillValidation.Valid valid ? valid.Fill : throw new InvalidOperationException($"A generated fill is invalid: {validation}"))
            .ToList();
    }

    private static decimal SignedHedge(RecordedEvent recorded)
    {
        using var document = JsonDocument.Parse(recorded.Payload);
        var body = document.RootElement.GetProperty("OffChainOrderFilled");
        var shares = decimal.Parse(body.GetProperty("shares_filled").GetString()!, CultureInfo.InvariantCulture);
        return body.GetProperty("direction").GetString() == "Buy" ? shares : -shares;
    }

    private static TradeId TradeIdOf(RecordedEvent recorded)
    {
        using var document = JsonDocument.Parse(recorded.Payload);
        var tradeId = document.RootElement.GetProperty("OnChainOrderFilled").GetProperty("trade_id");
        return new TradeId(tradeId.GetProperty("tx_hash").GetString()!, tradeId.GetProperty("log_index").GetInt64());
    }
}
