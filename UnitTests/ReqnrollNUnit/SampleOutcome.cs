namespace TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

public enum SampleOutcome
{
    Passed,
    Failed,
    Skipped,
}
