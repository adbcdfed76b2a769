using System.Collections.Immutable;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// BenchmarkDotNet's order with the execution reversed (`--reverse`): the raw ceiling on a file runs first and the
/// pipeline in memory last, so that two runs in opposite orders show whether a pass gains from running later.
/// </summary>
public sealed class ReversedOrder : IOrderer
{
    private readonly IOrderer inner = DefaultOrderer.Instance;

    public bool SeparateLogicalGroups => inner.SeparateLogicalGroups;

    public IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        inner.GetExecutionOrder(benchmarksCase, order).Reverse();

    public IEnumerable<BenchmarkCase> GetSummaryOrder(ImmutableArray<BenchmarkCase> benchmarksCases, Summary summary) => inner.GetSummaryOrder(benchmarksCases, summary);

    public string? GetHighlightGroupKey(BenchmarkCase benchmarkCase) => inner.GetHighlightGroupKey(benchmarkCase);

    public string? GetLogicalGroupKey(ImmutableArray<BenchmarkCase> allBenchmarksCases, BenchmarkCase benchmarkCase) =>
        inner.GetLogicalGroupKey(allBenchmarksCases, benchmarkCase);

    public IEnumerable<IGrouping<string, BenchmarkCase>> GetLogicalGroupOrder(IEnumerable<IGrouping<string, BenchmarkCase>> logicalGroups, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        inner.GetLogicalGroupOrder(logicalGroups, order);
}
