using Gherkin.CucumberMessages;
using Moq;
using NUnit.Framework;
using Reqnroll.BoDi;
using Reqnroll.Formatters;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.Html;
using Reqnroll.Formatters.Message;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Plugins;
using Reqnroll.UnitTestProvider;
using Reqnroll.Utils;
using Shouldly;
using TradingBot.Acceptance.Support.Reports;

namespace TradingBot.Acceptance.UnitTests.Support;

[TestFixture]
public sealed class ReportsPluginTests
{
    [Test]
    public void Both_reports_are_written_by_the_formatters_that_share_one_serialization_and_ids_come_from_one_counter()
    {
        var events = new RuntimePluginEvents();
        new ReportsPlugin().Initialize(events, new RuntimePluginParameters(), new UnitTestProviderConfiguration());
        using var container = new ObjectContainer();
        // Reqnroll's own registrations come first, as in its default global container.
        container.RegisterTypeAs<HtmlFormatter, ICucumberMessageFormatter>("html");
        container.RegisterTypeAs<MessageFormatter, ICucumberMessageFormatter>("message");
        container.RegisterInstanceAs(Mock.Of<IIdGenerator>());
        container.RegisterInstanceAs(Mock.Of<IFormattersConfigurationProvider>());
        container.RegisterInstanceAs(Mock.Of<IFormatterLog>());
        container.RegisterInstanceAs(Mock.Of<IFileSystem>());

        events.RaiseRegisterGlobalDependencies(container);

        container.Resolve<ICucumberMessageFormatter>("html").ShouldBeOfType<HtmlReportFormatter>("the html formatter");
        container.Resolve<ICucumberMessageFormatter>("message").ShouldBeOfType<MessageReportFormatter>("the message formatter");
        var ids = container.Resolve<IIdGenerator>().ShouldBeOfType<CountingIdGenerator>();
        container.Resolve<IIdGenerator>().ShouldBeSameAs(ids, "one counter for every worker of the run");
        container.Resolve<EnvelopeJson>().ShouldBeSameAs(container.Resolve<EnvelopeJson>(), "one serialization for both reports");
    }

    [Test]
    public void The_counter_never_gives_an_id_twice_across_threads()
    {
        var ids = new CountingIdGenerator();
        var given = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4, _ =>
        {
            for (var index = 0; index < 1_000; index++)
                given.Add(ids.GetNewId());
        });
        given.Distinct().Count().ShouldBe(4_000);
    }
}
