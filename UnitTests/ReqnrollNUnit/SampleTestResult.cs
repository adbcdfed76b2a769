namespace TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

/// <summary>One test case of the sample suite as the JUnit report gives it.</summary>
public sealed record SampleTestResult(string Fixture, string Name, SampleOutcome Outcome, string Message);
