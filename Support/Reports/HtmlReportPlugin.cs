using Reqnroll.Formatters;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;

namespace TradingBot.Acceptance.Support.Reports;

/// <summary>
/// Makes <see cref="HtmlReportFormatter"/> Reqnroll's html formatter. Apart from the NUnit integration
/// (<c>ReqnrollNUnit/</c>), so that it stays when that folder gives way to <c>Reqnroll.NUnit</c>.
/// </summary>
public sealed class HtmlReportPlugin : IRuntimePlugin
{
    public void Initialize(
        RuntimePluginEvents runtimePluginEvents,
        RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        runtimePluginEvents.RegisterGlobalDependencies += (_, args) =>
            args.ObjectContainer.RegisterTypeAs<HtmlReportFormatter, ICucumberMessageFormatter>("html");
    }
}
