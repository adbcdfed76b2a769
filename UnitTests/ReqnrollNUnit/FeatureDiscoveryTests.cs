using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using NUnit.Framework;
using NUnit.Framework.Internal;
using Shouldly;
using TradingBot.Acceptance.ReqnrollNUnit;

namespace TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

[TestFixture]
public sealed class FeatureDiscoveryTests
{
    [Test]
    public void Every_pickle_of_the_features_folder_is_one_acceptance_test()
    {
        var fixtures = new FeatureFixturesAttribute("Features").BuildFrom(new TypeWrapper(typeof(FeatureFixture))).ToList();
        var featureFiles = Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Features"), "*.feature");

        fixtures.Count.ShouldBe(featureFiles.Length, "one fixture per feature file");
        fixtures.Sum(fixture => fixture.Tests.Count).ShouldBe(featureFiles.Sum(CountPickles));
        fixtures.ShouldAllBe(fixture => fixture.FullName.StartsWith("TradingBot.Acceptance.Features.", StringComparison.Ordinal));
    }

    // Counted with Gherkin's own compiler, independently of the integration's scenario index.
    private static int CountPickles(string path)
    {
        var ids = new IncrementingIdGenerator();
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(new Parser().Parse(path), path);
        return new PickleCompiler(ids).Compile(document).Count;
    }
}
