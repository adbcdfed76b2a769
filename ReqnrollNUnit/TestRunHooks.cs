using NUnit.Framework;
using Reqnroll;

// In the root namespace, as Reqnroll.NUnit's generated assembly hooks are: the test run spans every test.
namespace TradingBot.Acceptance;

/// <summary>Starts Reqnroll's test run before the first test and ends it (flushing the reports) after the last.</summary>
[SetUpFixture]
public sealed class TestRunHooks
{
    [OneTimeSetUp]
    public Task StartTestRunAsync() => TestRunnerManager.OnTestRunStartAsync(typeof(TestRunHooks).Assembly, containerBuilder: null);

    [OneTimeTearDown]
    public Task EndTestRunAsync() => TestRunnerManager.OnTestRunEndAsync(typeof(TestRunHooks).Assembly, containerBuilder: null);
}
