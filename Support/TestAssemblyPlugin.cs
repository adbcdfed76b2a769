using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;
using TradingBot.Acceptance.ReqnrollNUnit;
using TradingBot.Acceptance.Support.Reports;

[assembly: RuntimePlugin(typeof(TradingBot.Acceptance.Support.TestAssemblyPlugin))]

namespace TradingBot.Acceptance.Support;

/// <summary>
/// The test assembly's Reqnroll runtime plugin (an assembly names one): the NUnit integration and the
/// reports' formatters. With <c>Reqnroll.NUnit</c>, which brings its own plugin, only the reports' stays.
/// </summary>
public sealed class TestAssemblyPlugin : IRuntimePlugin
{
    public void Initialize(
        RuntimePluginEvents runtimePluginEvents,
        RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        new NUnitRuntimePlugin().Initialize(runtimePluginEvents, runtimePluginParameters, unitTestProviderConfiguration);
        new ReportsPlugin().Initialize(runtimePluginEvents, runtimePluginParameters, unitTestProviderConfiguration);
    }
}
