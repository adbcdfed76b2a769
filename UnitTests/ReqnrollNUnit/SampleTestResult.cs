namespace TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

/// <summary>One test case of the sample suite as the test results give it: outcome, message and what it wrote.</summary>
public sealed record SampleTestResult(string Fixture, string Name, SampleOutcome Outcome, string Message, string Output);
