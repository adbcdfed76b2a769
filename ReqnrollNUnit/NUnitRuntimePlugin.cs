using Reqnroll.Formatters.PubSub;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>Registers NUnit as Reqnroll's unit test provider and the test's output as its trace, as <c>Reqnroll.NUnit</c> does,
/// and the broker that reports feature files which are not valid Gherkin.</summary>
public sealed class NUnitRuntimePlugin : IRuntimePlugin
{
    private const string ProviderName = "nunit";

    public void Initialize(
        RuntimePluginEvents runtimePluginEvents,
        RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        ArgumentNullException.ThrowIfNull(runtimePluginEvents);
        ArgumentNullException.ThrowIfNull(unitTestProviderConfiguration);
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
        runtimePluginEvents.RegisterGlobalDependencies += (_, args) =>
        {
            args.ObjectContainer.RegisterTypeAs<NUnitRuntimeProvider, IUnitTestRuntimeProvider>(ProviderName);
            args.ObjectContainer.RegisterTypeAs<NUnitAttachmentHandler, IReqnrollAttachmentHandler>();
            args.ObjectContainer.RegisterTypeAs<ParseErrorReportingBroker, ICucumberMessageBroker>();
        };
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, args) =>
            args.ObjectContainer.RegisterTypeAs<NUnitTraceListener, ITraceListener>();
    }
}
