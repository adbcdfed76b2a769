using NUnit.Framework;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>Tells Reqnroll how to report pending, inconclusive and ignored scenarios to NUnit.</summary>
public sealed class NUnitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => Assert.Inconclusive(message);

    public void TestInconclusive(string message) => Assert.Inconclusive(message);

    public void TestIgnore(string message) => Assert.Ignore(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        IgnoreException => ScenarioExecutionStatus.Skipped,
        InconclusiveException => ScenarioExecutionStatus.StepDefinitionPending,
        _ => null,
    };
}
