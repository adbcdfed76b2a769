using NUnit.Framework;
using Reqnroll;
using TradingBot.Acceptance.ReqnrollNUnit;

// In the root namespace, as Reqnroll.NUnit's generated assembly hooks are: the test run spans every test.
namespace TradingBot.Acceptance;

/// <summary>
/// Starts Reqnroll's test run before the first test and ends it (flushing the reports) after the last; not with a
/// <c>reqnroll.json</c> that has problems, which the one test <c>ReqnrollJsonIsValid</c> reports instead of every
/// test failing with Reqnroll's exception.
/// </summary>
[SetUpFixture]
public sealed class TestRunHooks
{
    private bool started;

    [OneTimeSetUp]
    public async Task StartTestRunAsync()
    {
        if (ReqnrollJsonCheck.Problems().Count > 0)
            return;
        await TestRunnerManager.OnTestRunStartAsync(typeof(TestRunHooks).Assembly, containerBuilder: null);
        started = true;
    }

    [OneTimeTearDown]
    public async Task EndTestRunAsync()
    {
        if (started)
            await TestRunnerManager.OnTestRunEndAsync(typeof(TestRunHooks).Assembly, containerBuilder: null);
    }
}
