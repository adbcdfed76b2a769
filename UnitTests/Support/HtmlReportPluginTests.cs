using Moq;
using NUnit.Framework;
using Reqnroll.BoDi;
using Reqnroll.Formatters;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.Html;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;
using Reqnroll.Utils;
using Shouldly;
using TradingBot.Acceptance.Support.Reports;

namespace TradingBot.Acceptance.UnitTests.Support;

[TestFixture]
public sealed class HtmlReportPluginTests
{
    [Test]
    public void The_html_report_is_written_by_the_formatter_that_flushes_its_file_once()
    {
        var events = new RuntimePluginEvents();
        new HtmlReportPlugin().Initialize(events, new RuntimePluginParameters(), new UnitTestProviderConfiguration());
        using var container = new ObjectContainer();
        // Reqnroll's own registration comes first, as in its default global container.
        container.RegisterTypeAs<HtmlFormatter, ICucumberMessageFormatter>("html");
        container.RegisterInstanceAs(Mock.Of<IFormattersConfigurationProvider>());
        container.RegisterInstanceAs(Mock.Of<IFormatterLog>());
        container.RegisterInstanceAs(Mock.Of<IFileSystem>());

        events.RaiseRegisterGlobalDependencies(container);

        container.Resolve<ICucumberMessageFormatter>("html").ShouldBeOfType<HtmlReportFormatter>("the html formatter");
    }
}
