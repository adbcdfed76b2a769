using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.Hosting;

namespace TradingBot.Acceptance.Benchmarks;

/// <summary>
/// Measures what every scenario pays before its first step and after its last: the fake clock, the Moq
/// broker, a fresh in-memory database with its schema and the bot's services, then their disposal.
/// A measurement, not a test: it asserts nothing and runs only when asked for by name
/// (<c>dotnet test --filter "FullyQualifiedName~ScenarioSetupBenchmark"</c>).
/// </summary>
[TestFixture]
[Explicit("A measurement: run it by name.")]
public sealed class ScenarioSetupBenchmark
{
    private const int WarmUp = 20;
    private const int Iterations = 300;

    [Test]
    public void Scenario_set_up_and_tear_down()
    {
        for (var round = 0; round < WarmUp; round++)
            SetUpAndTearDown();
        var samples = new double[Iterations];
        for (var round = 0; round < Iterations; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            SetUpAndTearDown();
            samples[round] = stopwatch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scenario set-up + tear-down over {Iterations} runs: median {samples[Iterations / 2]:0.00} ms, mean {samples.Average():0.00} ms, p95 {samples[(int)(Iterations * 0.95)]:0.00} ms"));
    }

    private static void SetUpAndTearDown()
    {
        var clock = new TimerAwareFakeTimeProvider(MarketHours.ScenarioStart);
        using var broker = new ScenarioBroker(clock);
        using var host = new BotHost(clock, broker);
        _ = host.Bot; // the database with its schema, and the conductor, poller and queue processor
    }
}
