using System.Text;
using Cucumber.HtmlFormatter;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.Html;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Utils;

namespace TradingBot.Acceptance.Support.Reports;

/// <summary>
/// Reqnroll's html formatter, writing the same report, whose file is flushed when the report is closed
/// rather than after each message (<see cref="FlushOnCloseStream"/>), which embeds each message's JSON from
/// <see cref="EnvelopeJson"/> (the bytes the NDJSON report holds), and which shows the feature files that are
/// not valid Gherkin above the report (<see cref="ParseErrorBanner"/>).
/// </summary>
public sealed class HtmlReportFormatter(IFormattersConfigurationProvider configurationProvider, IFormatterLog logger, IFileSystem fileSystem, EnvelopeJson json)
    : HtmlFormatter(configurationProvider, logger, fileSystem)
{
    // Cucumber's page writer escapes what it is given for a script element: it takes text.
    protected override MessagesToHtmlWriter CreateMessagesToHtmlWriter(Stream stream, Func<StreamWriter, Envelope, Task> asyncStreamSerializer) =>
        base.CreateMessagesToHtmlWriter(new FlushOnCloseStream(stream), (writer, envelope) => writer.WriteAsync(Encoding.UTF8.GetString(json.Utf8(envelope))));

    protected override HtmlReportSettings GetHtmlReportSettings()
    {
        var settings = base.GetHtmlReportSettings();
        settings.CustomScript += ParseErrorBanner.Script;
        settings.CustomCss += ParseErrorBanner.Css;
        return settings;
    }
}
