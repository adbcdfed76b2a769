using System.Text;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.Message;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Utils;

namespace TradingBot.Acceptance.Support.Reports;

/// <summary>
/// Reqnroll's message formatter (the NDJSON report), writing each message's JSON from <see cref="EnvelopeJson"/>, the
/// same bytes the html report embeds, one message a line and no line break after the last, as Reqnroll's does.
/// </summary>
public sealed class MessageReportFormatter(IFormattersConfigurationProvider configurationProvider, IFormatterLog logger, IFileSystem fileSystem, EnvelopeJson json)
    : MessageFormatter(configurationProvider, logger, fileSystem)
{
    private static readonly byte[] NewLine = Encoding.UTF8.GetBytes(Environment.NewLine);

    protected override async Task WriteToFile(Envelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (TargetFileStream is null)
            return;
        await TargetFileStream.WriteAsync(json.Utf8(envelope), cancellationToken).ConfigureAwait(false);
        if (envelope.TestRunFinished is null)
            await TargetFileStream.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
    }
}
