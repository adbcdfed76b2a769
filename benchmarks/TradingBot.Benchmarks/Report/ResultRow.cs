namespace TradingBot.Benchmarks.Report;

/// <summary>One line of the results table: a figure, its value, its target, the ratio and whether the target is met.</summary>
public sealed record ResultRow(string Figure, string Measured, string Target, string Ratio, bool? Met);
