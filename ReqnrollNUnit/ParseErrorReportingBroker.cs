using System.Globalization;
using Io.Cucumber.Messages.Types;
using Reqnroll.Analytics;
using Reqnroll.Formatters;
using Reqnroll.Formatters.PubSub;
using Reqnroll.Formatters.RuntimeSupport;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>
/// Reqnroll's message broker, which hands every message to the formatters, told about the feature files the
/// integration could not parse: Reqnroll's generator rejects them at build time, so its runtime never reports
/// them. A run that had a <c>parseError</c> did not succeed: its <c>testRunFinished</c> says so.
/// </summary>
public sealed class ParseErrorReportingBroker(
    IFormatterLog formatterLog,
    IDictionary<string, ICucumberMessageFormatter> containerRegisteredFormatters,
    IAnalyticsRuntimeTelemetryService telemetryService) : ICucumberMessageBroker
{
    private readonly CucumberMessageBroker broker = new(formatterLog, containerRegisteredFormatters, telemetryService);
    private int parseErrors;

    public bool IsEnabled => broker.IsEnabled;

    public void Initialize() => broker.Initialize();

    public void FormatterInitialized(ICucumberMessageFormatter formatterSink, bool enabled) => broker.FormatterInitialized(formatterSink, enabled);

    public Task PublishAsync(Envelope message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.ParseError is not null)
            Interlocked.Increment(ref parseErrors);
        var errors = Volatile.Read(ref parseErrors);
        if (message.TestRunFinished is { } finished && errors > 0)
        {
            message = Envelope.Create(new TestRunFinished(
                string.Create(CultureInfo.InvariantCulture, $"{errors} parse error(s): a feature file is not valid Gherkin"),
                false, finished.Timestamp, finished.Exception, finished.TestRunStartedId));
        }

        return broker.PublishAsync(message);
    }
}
