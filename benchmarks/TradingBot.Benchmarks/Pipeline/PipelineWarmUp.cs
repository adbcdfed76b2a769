using System.Diagnostics;
using System.Runtime;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// Runs every pass of the pipeline benchmark (pipeline, pipeline with the controls on, raw ceiling; in memory and on a
/// file) in turn until a whole round of them leaves the JIT quiet, so that every measured pass runs the code the bot
/// runs once warm: with tiered compilation the runtime recompiles the pipeline's few hundred methods in steps (tier 0,
/// instrumented, optimized with the profile) for about twenty 2,000-fill passes, and the pass measured first in the
/// process, the pipeline's, measured that recompilation while the same code measured after it ran a third faster.
/// </summary>
public static class PipelineWarmUp
{
    /// <summary>Rounds after which the warm-up gives up and says the JIT did not settle.</summary>
    public const int MostRounds = 30;

    /// <summary>Methods a round may still compile and count as quiet: the runtime's own stubs come and go.</summary>
    public const int QuietMethods = 4;

    /// <summary>Warms up on <paramref name="storages"/>: how many rounds it took, what the last one compiled and whether it was quiet.</summary>
    public static async Task<WarmUpResult> RunAsync(IReadOnlyList<Storage> storages)
    {
        ArgumentNullException.ThrowIfNull(storages);
        var started = Stopwatch.GetTimestamp();
        for (var round = 1; ; round++)
        {
            var (methods, compiling) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
            foreach (var storage in storages)
                await RoundAsync(storage).ConfigureAwait(false);
            var compiled = JitInfo.GetCompiledMethodCount() - methods;
            if (compiled <= QuietMethods || round == MostRounds)
                return new WarmUpResult(round, compiled, JitInfo.GetCompilationTime() - compiling, Stopwatch.GetElapsedTime(started), compiled <= QuietMethods);
        }
    }

    private static async Task RoundAsync(Storage storage)
    {
        foreach (var controls in new[] { null, PipelineBot.ControlsOn })
        {
            using var bot = new PipelineBot(storage, controls);
            await bot.RunAsync(TradeFeed.Fills(PipelineBenchmarks.Fills), TradeFeed.Symbols.Count, CancellationToken.None).ConfigureAwait(false);
        }

        using var ceiling = new PipelineBot(storage);
        using var raw = RawInsertWriter.For(ceiling.Database);
        raw.Run(TradeFeed.Fills(PipelineBenchmarks.Fills), TradeFeed.Symbols.Count);
    }
}

/// <summary>What <see cref="PipelineWarmUp"/> took: rounds, and what the JIT compiled in the last one.</summary>
public sealed record WarmUpResult(int Rounds, long LastRoundMethods, TimeSpan LastRoundCompiling, TimeSpan Took, bool Quiet)
{
    public override string ToString() =>
        $"{Rounds} warm-up rounds in {Took.TotalSeconds:N1} s; the last compiled {LastRoundMethods} methods in {LastRoundCompiling.TotalMilliseconds:N0} ms"
        + (Quiet ? "" : $" (the JIT did not settle in {PipelineWarmUp.MostRounds} rounds)");
}
