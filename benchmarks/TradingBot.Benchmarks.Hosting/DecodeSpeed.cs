using System.Diagnostics;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Support.Chain;

namespace TradingBot.Benchmarks.Hosting;

/// <summary>
/// Orderbook logs decoded per second, from the log as the node sent it (hex data) to the event and its Float amounts:
/// the bot's word-by-word decoding against Nethereum's reflection-based decoding of the same logs, in the same run.
/// The logs are those the simulated node writes: two takes for each clear (ClearV3 and its AfterClearV2).
/// </summary>
public static class DecodeSpeed
{
    public sealed record Result(double LogsPerSecond, double ReferenceLogsPerSecond)
    {
        public double Ratio => LogsPerSecond / ReferenceLogsPerSecond;
    }

    public static Result Run(int logs)
    {
        var sample = Logs(logs);
        Measure(sample, reference: false); // warm-up: JIT, Nethereum's attribute caches
        Measure(sample, reference: true);
        var direct = new List<double>();
        var reference = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            direct.Add(Measure(sample, reference: false));
            reference.Add(Measure(sample, reference: true));
        }

        return new Result(direct.Max(), reference.Max());
    }

    private static double Measure(List<ChainLog> logs, bool reference)
    {
        var started = Stopwatch.GetTimestamp();
        var amounts = 0m;
        foreach (var log in logs)
            amounts += reference ? Reference(log) : Direct(log);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return amounts > 0 ? logs.Count / elapsed.TotalSeconds : throw new InvalidOperationException("nothing was decoded");
    }

    private static decimal Direct(ChainLog log)
    {
        if (OrderbookLogDecoder.IsTakeOrder(log))
            return RainFloat.FromWord(OrderbookLogDecoder.DecodeTakeOrder(log).Input).ToDecimal(18);
        if (OrderbookLogDecoder.IsClear(log))
            return OrderbookLogDecoder.DecodeClear(log).Bob.ValidInputs.Count;
        return RainFloat.FromWord(OrderbookLogDecoder.DecodeAfterClear(log).ClearStateChange.BobInput).ToDecimal(18);
    }

    private static decimal Reference(ChainLog log)
    {
        if (OrderbookLogDecoder.IsTakeOrder(log))
            return RainFloat.FromWord(NethereumLogDecoder.DecodeTakeOrder(log).Input).ToDecimal(18);
        if (OrderbookLogDecoder.IsClear(log))
            return NethereumLogDecoder.DecodeClear(log).Bob.ValidInputs.Count;
        return RainFloat.FromWord(NethereumLogDecoder.DecodeAfterClear(log).ClearStateChange.BobInput).ToDecimal(18);
    }

    private static List<ChainLog> Logs(int count)
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var chain = new SimulatedChain(ScenarioChain.Orderbook, clock, TimeSpan.FromSeconds(2), 1);
        var trades = new ChainTrades(chain, ScenarioChain.BotOwner);
        for (var fill = 0; fill < count / 4; fill++)
        {
            trades.Take("tAAPL", Acceptance.Domain.Finance.Direction.Sell, 1m + fill, 205.85m);
            trades.Take("tMSFT", Acceptance.Domain.Finance.Direction.Buy, 2.5m, 410.10m);
            trades.Clear("tNVDA", Acceptance.Domain.Finance.Direction.Buy, 1.2m, 120.5m, botIsAlice: fill % 2 == 0);
        }

        clock.Advance(chain.BlockTime);
        return [.. chain.MineDue()];
    }
}
