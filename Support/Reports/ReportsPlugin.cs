using Gherkin.CucumberMessages;
using Reqnroll.Formatters;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

namespace TradingBot.Acceptance.Support.Reports;

/// <summary>
/// Makes <see cref="HtmlReportFormatter"/> and <see cref="MessageReportFormatter"/> Reqnroll's html and message
/// formatters, both writing the JSON that <see cref="EnvelopeJson"/> made of each message once, and
/// <see cref="CountingIdGenerator"/> the generator of the run's message ids. Apart from the NUnit integration
/// (<c>ReqnrollNUnit/</c>), so that it stays when that folder gives way to <c>Reqnroll.NUnit</c>.
/// </summary>
public sealed class ReportsPlugin : IRuntimePlugin
{
    public void Initialize(
        RuntimePluginEvents runtimePluginEvents,
        RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        runtimePluginEvents.RegisterGlobalDependencies += (_, args) =>
        {
            args.ObjectContainer.RegisterTypeAs<EnvelopeJson, EnvelopeJson>();
            args.ObjectContainer.RegisterTypeAs<HtmlReportFormatter, ICucumberMessageFormatter>("html");
            args.ObjectContainer.RegisterTypeAs<MessageReportFormatter, ICucumberMessageFormatter>("message");
            args.ObjectContainer.RegisterTypeAs<CountingIdGenerator, IIdGenerator>();
        };
    }
}
