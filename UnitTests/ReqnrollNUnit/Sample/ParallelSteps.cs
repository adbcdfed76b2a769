using Reqnroll;

namespace TradingBot.Acceptance.Sample;

[Binding]
public static class ParallelSteps
{
    // Both scenarios must be inside this step at the same time: only parallel fixtures get through.
    private static readonly Barrier Meeting = new(2);

    [Given("this scenario meets the other feature's scenario")]
    public static void GivenThisScenarioMeetsTheOtherFeaturesScenario()
    {
        if (!Meeting.SignalAndWait(TimeSpan.FromSeconds(30)))
            throw new TimeoutException("The other feature's scenario never ran at the same time.");
    }
}
