namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>Names the step that failed and where it stands; the cause is the inner exception.</summary>
public sealed class ScenarioStepFailedException(string message, Exception innerException) : Exception(message, innerException);
