using System.Globalization;
using TradingBot.Benchmarks.Hosting;

// Usage: dotnet run -c Release --project benchmarks/TradingBot.Benchmarks.Hosting
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"Running bot benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores");

// Warm-up, both stores and both modes: JIT, Kestrel, SQLite, the checkpointer and the rebalancing tasks.
foreach (var inMemory in new[] { true, false })
{
    await FeedToOrders.RunAsync(1000, 0, inMemory);
    await FeedToOrders.RunAsync(1000, 0, inMemory, rebalancing: true);
}

foreach (var inMemory in new[] { false, true })
{
    var store = inMemory ? "in-memory database" : "database file (WAL)";
    var burst = await FeedToOrders.RunAsync(5000, 0, inMemory);
    Console.WriteLine($"{store}: burst of {burst.Orders} fills -> {burst.OrdersPerSecond:F0} orders/s (fill sent to order placed: p50 {burst.P50Milliseconds:F1} ms, p99 {burst.P99Milliseconds:F1} ms)");
    var paced = await FeedToOrders.RunAsync(5000, 1000, inMemory);
    Console.WriteLine($"{store}: 1,000 fills/s for 5 s -> {paced.Orders} orders, latency p50 {paced.P50Milliseconds:F1} ms, p99 {paced.P99Milliseconds:F1} ms, max {paced.MaxMilliseconds:F1} ms");
}

foreach (var inMemory in new[] { false, true })
{
    var store = inMemory ? "in-memory database" : "database file (WAL)";
    var burst = await FeedToOrders.RunAsync(5000, 0, inMemory, rebalancing: true);
    Console.WriteLine($"{store}, with rebalancing: burst of {burst.Orders} fills -> {burst.OrdersPerSecond:F0} orders/s (fill sent to order placed: p50 {burst.P50Milliseconds:F1} ms, p99 {burst.P99Milliseconds:F1} ms)");
    var paced = await FeedToOrders.RunAsync(5000, 1000, inMemory, rebalancing: true);
    Console.WriteLine($"{store}, with rebalancing: 1,000 fills/s for 5 s -> {paced.Orders} orders, latency p50 {paced.P50Milliseconds:F1} ms, p99 {paced.P99Milliseconds:F1} ms, max {paced.MaxMilliseconds:F1} ms");
}

await ChannelThroughput.RunAsync(1_000_000); // warm-up
var perSecond = await ChannelThroughput.RunAsync(20_000_000);
Console.WriteLine($"fill channel (bounded 1024, one writer, one reader): {perSecond / 1e6:F1} million messages/s");
