namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// One window of the soak: the fills due in it, their latencies, the fills over the p99 target and how many of those
/// were under way while the order status poller's cycle, the position checker's tick or a restart of the database's
/// log ran or the collector paused the process, and the process's gauges sampled during it.
/// </summary>
public sealed record SoakWindow(int Number, int Fills, TimeSpan P50, TimeSpan P99, TimeSpan Max, (int All, int BesidePoll, int BesideCheck, int BesideRestart, int BesideCollection) Slow, WindowGauges Gauges);
