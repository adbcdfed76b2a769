using BenchmarkDotNet.Attributes;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// Fills per second through the whole hedging pipeline, beside the raw-insert ceiling of the same rows
/// in the same transactions, and the pipeline with every pre-trade control set (none binding; not on PostgreSQL,
/// whose rows run shorter: see <see cref="ShortRun"/>). Each iteration starts from an empty database.
/// </summary>
public class PipelineBenchmarks : IDisposable
{
    /// <summary>Fills per iteration: 100 per symbol.</summary>
    public const int Fills = 2_000;

    private IReadOnlyList<ChainEvent> fills = [];
    private PipelineBot? bot;
    private PipelineBot? controlled;
    private RawInsertWriter? raw;
    private string? ran;

    [Params(Storage.Memory, Storage.File, Storage.Postgres)]
    public Storage Storage { get; set; }

    [IterationSetup]
    public void StartFromAnEmptyDatabase()
    {
        fills = TradeFeed.Fills(Fills);
        bot = new PipelineBot(Storage);
        controlled = Storage == Storage.Postgres ? null : new PipelineBot(Storage, PipelineBot.ControlsOn);
        raw = RawInsertWriter.For(bot.Database);
    }

    /// <summary>Checks that the iteration wrote every row it was timed for (both sides write the same rows), then deletes the database.</summary>
    [IterationCleanup]
    public void CheckAndDeleteTheDatabase()
    {
        try
        {
            if (ran == "pipeline")
                bot!.ShouldHaveHedged(Fills, $"{ran} ({Storage})");
            else if (ran == "pipeline, controls on")
                controlled!.ShouldHaveHedged(Fills, $"{ran} ({Storage})");
            else if (ran is not null)
                bot!.ShouldHaveWritten(Fills, $"{ran} ({Storage})");
        }
        finally
        {
            ran = null;
            Dispose();
        }
    }

    [Benchmark(OperationsPerInvoke = Fills, Description = "pipeline")]
    public Task HedgingPipelineAsync()
    {
        ran = "pipeline";
        return bot!.RunAsync(fills, TradeFeed.Symbols.Count, CancellationToken.None);
    }

    [Benchmark(OperationsPerInvoke = Fills, Description = "pipeline, controls on")]
    public Task HedgingPipelineWithControlsAsync()
    {
        ran = "pipeline, controls on";
        return controlled!.RunAsync(fills, TradeFeed.Symbols.Count, CancellationToken.None);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Fills, Description = "raw inserts")]
    public void RawInserts()
    {
        ran = "raw inserts";
        raw!.Run(fills, TradeFeed.Symbols.Count);
    }

    public void Dispose()
    {
        raw?.Dispose();
        bot?.Dispose();
        controlled?.Dispose();
        raw = null;
        bot = null;
        controlled = null;
        GC.SuppressFinalize(this);
    }
}
