namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>
/// A feature file that is not valid Gherkin; the message reads <c>path:line:column: problem</c>, one line per
/// problem. Keeps the file's text and each problem's location for the report's <c>parseError</c> messages.
/// </summary>
public sealed class FeatureParseException(string uri, string text, IReadOnlyList<FeatureParseError> errors, Exception innerException)
    : Exception(string.Join(Environment.NewLine, errors), innerException)
{
    public string Uri { get; } = uri;

    public string Text { get; } = text;

    public IReadOnlyList<FeatureParseError> Errors { get; } = errors;
}
