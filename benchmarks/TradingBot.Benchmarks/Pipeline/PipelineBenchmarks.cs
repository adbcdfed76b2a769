using BenchmarkDotNet.Attributes;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// Fills per second through the whole hedging pipeline, beside the raw-insert ceiling of the same rows
/// in the same transactions, and the pipeline with every pre-trade control set (none binding). Each iteration
/// starts from an empty database.
/// </summary>
public class PipelineBenchmarks : IDisposable
{
    /// <summary>Fills per iteration: 100 per symbol.</summary>
    public const int Fills = 2_000;

    private IReadOnlyList<ChainEvent> fills = [];
    private PipelineBot? bot;
    private PipelineBot? controlled;
    private RawInsertWriter? raw;

    [Params(Storage.Memory, Storage.File)]
    public Storage Storage { get; set; }

    [IterationSetup]
    public void StartFromAnEmptyDatabase()
    {
        fills = TradeFeed.Fills(Fills);
        bot = new PipelineBot(Storage);
        controlled = new PipelineBot(Storage, PipelineBot.ControlsOn);
        raw = new RawInsertWriter(bot.Database);
    }

    [IterationCleanup]
    public void DeleteTheDatabase() => Dispose();

    [Benchmark(OperationsPerInvoke = Fills, Description = "pipeline")]
    public Task HedgingPipelineAsync() => bot!.RunAsync(fills, TradeFeed.Symbols.Count, CancellationToken.None);

    [Benchmark(OperationsPerInvoke = Fills, Description = "pipeline, controls on")]
    public Task HedgingPipelineWithControlsAsync() => controlled!.RunAsync(fills, TradeFeed.Symbols.Count, CancellationToken.None);

    [Benchmark(Baseline = true, OperationsPerInvoke = Fills, Description = "raw inserts")]
    public void RawInserts() => raw!.Run(fills, TradeFeed.Symbols.Count);

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
