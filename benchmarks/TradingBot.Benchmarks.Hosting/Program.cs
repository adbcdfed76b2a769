using System.Globalization;
using TradingBot.Benchmarks.Hosting;

// Usage: dotnet run -c Release --project benchmarks/TradingBot.Benchmarks.Hosting [-- --quick [--seconds N] | --decode]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"Running bot benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores");

if (args.Contains("--decode"))
{
    var decoding = DecodeSpeed.Run(20_000);
    Console.WriteLine($"orderbook logs decoded: {decoding.LogsPerSecond:F0} logs/s word by word, {decoding.ReferenceLogsPerSecond:F0} logs/s with Nethereum's decoder (x{decoding.Ratio:F1}, same run)");
    return;
}

if (args.Contains("--quick"))
{
    // A check that the benchmark works: one small warm-up, one burst and one paced second on the database file.
    await ChainToOrders.RunAsync(200, 0, inMemory: false);
    var quickBurst = await ChainToOrders.RunAsync(1000, 0, inMemory: false);
    Console.WriteLine($"quick, database file (WAL): burst of {quickBurst.Orders} fills -> {quickBurst.OrdersPerSecond:F0} orders/s (confirming block to order placed: p50 {quickBurst.P50Milliseconds:F1} ms, p99 {quickBurst.P99Milliseconds:F1} ms)");
    Console.WriteLine(quickBurst.Stages);
    // --seconds N paces the second run for N seconds: more samples for a steadier p99 when comparing builds.
    var seconds = args.SkipWhile(arg => arg != "--seconds").Skip(1).Select(int.Parse).DefaultIfEmpty(1).First();
    var quickPaced = await ChainToOrders.RunAsync(1000 * seconds, 1000, inMemory: false);
    Console.WriteLine($"quick, database file (WAL): 1,000 fills/s for {seconds} s -> {quickPaced.Orders} orders, latency p50 {quickPaced.P50Milliseconds:F1} ms, p99 {quickPaced.P99Milliseconds:F1} ms, max {quickPaced.MaxMilliseconds:F1} ms");
    Console.WriteLine(quickPaced.Stages);
    return;
}

// Warm-up, both stores and both modes: JIT, Kestrel, the simulated node, SQLite, the checkpointer and the rebalancing tasks.
foreach (var inMemory in new[] { true, false })
{
    await ChainToOrders.RunAsync(1000, 0, inMemory);
    await ChainToOrders.RunAsync(1000, 0, inMemory, rebalancing: true);
}

foreach (var inMemory in new[] { false, true })
{
    var store = inMemory ? "in-memory database" : "database file (WAL)";
    var burst = await ChainToOrders.RunAsync(5000, 0, inMemory);
    Console.WriteLine($"{store}: burst of {burst.Orders} fills -> {burst.OrdersPerSecond:F0} orders/s (confirming block to order placed: p50 {burst.P50Milliseconds:F1} ms, p99 {burst.P99Milliseconds:F1} ms)");
    var paced = await ChainToOrders.RunAsync(5000, 1000, inMemory);
    Console.WriteLine($"{store}: 1,000 fills/s for 5 s -> {paced.Orders} orders, latency p50 {paced.P50Milliseconds:F1} ms, p99 {paced.P99Milliseconds:F1} ms, max {paced.MaxMilliseconds:F1} ms");
}

foreach (var inMemory in new[] { false, true })
{
    var store = inMemory ? "in-memory database" : "database file (WAL)";
    var burst = await ChainToOrders.RunAsync(5000, 0, inMemory, rebalancing: true);
    Console.WriteLine($"{store}, with rebalancing: burst of {burst.Orders} fills -> {burst.OrdersPerSecond:F0} orders/s (confirming block to order placed: p50 {burst.P50Milliseconds:F1} ms, p99 {burst.P99Milliseconds:F1} ms)");
    var paced = await ChainToOrders.RunAsync(5000, 1000, inMemory, rebalancing: true);
    Console.WriteLine($"{store}, with rebalancing: 1,000 fills/s for 5 s -> {paced.Orders} orders, latency p50 {paced.P50Milliseconds:F1} ms, p99 {paced.P99Milliseconds:F1} ms, max {paced.MaxMilliseconds:F1} ms");
}

var decoded = DecodeSpeed.Run(20_000);
Console.WriteLine($"orderbook logs decoded: {decoded.LogsPerSecond:F0} logs/s word by word, {decoded.ReferenceLogsPerSecond:F0} logs/s with Nethereum's decoder (x{decoded.Ratio:F1}, same run)");
