namespace TradingBot.Benchmarks.Runner;

/// <summary>Wall times of the synthetic suite under each runner, and of the acceptance suite.</summary>
public sealed record RunnerResult(int Scenarios, TimeSpan CucumberJs, TimeSpan VsTest, TimeSpan Platform, TimeSpan PlatformHost, TimeSpan AcceptanceSuite, int AcceptanceTests)
{
    public double PerSecond(TimeSpan wall) => Scenarios / wall.TotalSeconds;
}
