using BenchmarkDotNet.Attributes;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// Fills per second through the whole hedging pipeline, beside the raw-insert ceiling of the same rows
/// in the same transactions. Each iteration starts from an empty database.
/// </summary>
public class PipelineBenchmarks : IDisposable
{
    /// <summary>Fills per iteration: 100 per symbol.</summary>
    public const int Fills = 2_000;

    private IReadOnlyList<ChainEvent> fills = [];
    private PipelineBot? bot;
    private RawInsertWriter? raw;

    [Params(Storage.Memory, Storage.File)]
    public Storage Storage { get; set; }

    [IterationSetup]
    public void StartFromAnEmptyDatabase()
    {
        fills = TradeFeed.Fills(Fills);
        bot = new PipelineBot(Storage);
        raw = new RawInsertWriter(bot.SqliteDatabase);
    }

    [IterationCleanup]
    public void DeleteTheDatabase() => Dispose();

    [Benchmark(OperationsPerInvoke = Fills, Description = "pipeline")]
    public Task HedgingPipelineAsync() => bot!.RunAsync(fills, TradeFeed.Symbols.Count, CancellationToken.None);

    [Benchmark(Baseline = true, OperationsPerInvoke = Fills, Description = "raw inserts")]
    public void RawInserts() => raw!.Run(fills, TradeFeed.Symbols.Count);

    public void Dispose()
    {
        raw?.Dispose();
        bot?.Dispose();
        raw = null;
        bot = null;
        GC.SuppressFinalize(this);
    }
}
