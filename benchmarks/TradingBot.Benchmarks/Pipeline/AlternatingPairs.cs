using System.Diagnostics;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// Pipeline / raw from passes of the two taken in turn, each pair back to back (the pipeline first in one pair, the
/// raw ceiling first in the next), every pass on a fresh database and checked as the benchmark's are: the ratio of
/// each pair, their median and range. The benchmark rows measure every pass of one row before the next row, so a
/// change of the machine's load between the rows moves the ratio of their means; a pair's two passes share a moment.
/// </summary>
public static class AlternatingPairs
{
    /// <summary>The pairs taken per storage: an even number, so that each side runs first as often.</summary>
    public const int Pairs = 10;

    public static async Task<PairedRatio> MeasureAsync(Storage storage)
    {
        var ratios = new double[Pairs];
        for (var pair = 0; pair < Pairs; pair++)
        {
            var pipelineFirst = pair % 2 == 0;
            var first = pipelineFirst ? await PipelineAsync(storage).ConfigureAwait(false) : Raw(storage);
            var second = pipelineFirst ? Raw(storage) : await PipelineAsync(storage).ConfigureAwait(false);
            var (pipeline, raw) = pipelineFirst ? (first, second) : (second, first);
            ratios[pair] = raw.TotalSeconds / pipeline.TotalSeconds; // rates are fills over time: pipeline rate / raw rate
        }

        Array.Sort(ratios);
        return new PairedRatio((ratios[(Pairs / 2) - 1] + ratios[Pairs / 2]) / 2, ratios[0], ratios[^1]);
    }

    private static async Task<TimeSpan> PipelineAsync(Storage storage)
    {
        using var bot = new PipelineBot(storage);
        var fills = TradeFeed.Fills(PipelineBenchmarks.Fills);
        var started = Stopwatch.GetTimestamp();
        await bot.RunAsync(fills, TradeFeed.Symbols.Count, CancellationToken.None).ConfigureAwait(false);
        var took = Stopwatch.GetElapsedTime(started);
        bot.ShouldHaveHedged(PipelineBenchmarks.Fills, $"pipeline ({storage}, paired)");
        return took;
    }

    private static TimeSpan Raw(Storage storage)
    {
        using var bot = new PipelineBot(storage);
        TimeSpan took;
        using (var raw = RawInsertWriter.For(bot.Database))
        {
            var fills = TradeFeed.Fills(PipelineBenchmarks.Fills);
            var started = Stopwatch.GetTimestamp();
            raw.Run(fills, TradeFeed.Symbols.Count);
            took = Stopwatch.GetElapsedTime(started);
        }

        bot.ShouldHaveWritten(PipelineBenchmarks.Fills, $"raw inserts ({storage}, paired)");
        return took;
    }
}

/// <summary>The median pipeline / raw of <see cref="AlternatingPairs"/>, and the lowest and highest pair.</summary>
public sealed record PairedRatio(double Median, double Lowest, double Highest);
