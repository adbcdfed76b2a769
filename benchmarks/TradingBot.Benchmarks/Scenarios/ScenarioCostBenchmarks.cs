using BenchmarkDotNet.Attributes;
using TradingBot.Acceptance.Support.Fakes;
using WireMock.Server;

namespace TradingBot.Benchmarks.Scenarios;

/// <summary>The cost of one scenario's set-up and tear-down (its whole world, the bot composed), with a WireMock server started for it or rented from a pool.</summary>
public class ScenarioCostBenchmarks : IDisposable
{
    private WireMockServerPool? pool;

    [GlobalSetup]
    public void StartThePool() => pool = new WireMockServerPool();

    [GlobalCleanup]
    public void StopThePool() => Dispose();

    [Benchmark(Baseline = true, Description = "fresh WireMock server")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "BenchmarkDotNet runs instance methods.")]
    public int FreshServer()
    {
        using var server = WireMockServer.Start();
        var mappings = ScenarioSetUp.SetUpAndTearDown(server);
        server.Stop();
        return mappings;
    }

    [Benchmark(Description = "pooled WireMock server")]
    public int PooledServer()
    {
        using var lease = pool!.Rent();
        return ScenarioSetUp.SetUpAndTearDown(lease.Server);
    }

    public void Dispose()
    {
        pool?.Dispose();
        pool = null;
        GC.SuppressFinalize(this);
    }
}
