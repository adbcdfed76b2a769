namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>A feature file that is not valid Gherkin; the message reads <c>path:line:column: problem</c>.</summary>
public sealed class FeatureParseException(string message, Exception innerException) : Exception(message, innerException);
