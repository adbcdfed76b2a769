using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>
/// Builds one NUnit fixture per <c>.feature</c> file found under <paramref name="featureFolder"/> in the
/// output folder, and one test per pickle, so that adding a feature file needs no C#.
/// Tags of feature, rule, scenario and examples become categories.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class FeatureFixturesAttribute(string featureFolder) : Attribute, IFixtureBuilder2
{
    public string FeatureFolder { get; } = featureFolder;

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo) => BuildFrom(typeInfo, AcceptEveryMethod.Instance);

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo, IPreFilter filter)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var outputFolder = Path.GetDirectoryName(typeInfo.Assembly.Location) ?? Directory.GetCurrentDirectory();
        var folder = Path.Combine(outputFolder, FeatureFolder);
        if (!Directory.Exists(folder))
            yield break;
        var fixtureNamespace = $"{typeof(TestRunHooks).Namespace}.{FeatureFolder.Replace('/', '.').Replace('\\', '.')}";
        // A configuration Reqnroll would misread, or not read at all, runs nothing but the test that says why.
        var featureFiles = Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var configurationProblems = ReqnrollJsonCheck.Problems();
        if (configurationProblems.Count > 0)
        {
            var fixture = NewFixture(typeInfo, filter, fixtureNamespace, "ReqnrollConfiguration", null, null, string.Join(Environment.NewLine, configurationProblems));
            var everyTag = featureFiles.SelectMany(path => FeatureTags.In(File.ReadAllText(path))).Distinct(StringComparer.Ordinal);
            fixture.Add(BuildTest(typeInfo, fixture, nameof(FeatureFixture.ReportConfigurationProblems), "ReqnrollJsonIsValid", [], everyTag));
            yield return fixture;
            yield break;
        }

        var featureLanguage = FeatureFile.ConfiguredFeatureLanguage();
        foreach (var path in featureFiles)
        {
            var relativePath = Path.GetRelativePath(outputFolder, path).Replace('\\', '/');
            yield return BuildFixture(typeInfo, filter, fixtureNamespace, relativePath, File.ReadAllText(path), featureLanguage);
        }
    }

    private static TestSuite BuildFixture(
        ITypeInfo typeInfo, IPreFilter filter, string fixtureNamespace, string relativePath, string text, string featureLanguage)
    {
        try
        {
            var feature = FeatureFile.Parse(relativePath, text, featureLanguage);
            var fixture = NewFixture(typeInfo, filter, fixtureNamespace, feature.FixtureName, feature, null, null);
            foreach (var category in feature.Info.Tags)
                fixture.Properties.Add(PropertyNames.Category, category);
            foreach (var scenario in feature.Scenarios)
                fixture.Add(BuildTest(typeInfo, fixture, nameof(FeatureFixture.RunScenarioAsync), scenario.TestName, [scenario.PickleIndex], scenario.Categories));
            return fixture;
        }
        catch (FeatureParseException exception)
        {
            var name = TestNames.ForFeature(Path.GetFileNameWithoutExtension(relativePath));
            var fixture = NewFixture(typeInfo, filter, fixtureNamespace, name, null, exception, null);
            fixture.Add(BuildTest(typeInfo, fixture, nameof(FeatureFixture.ReportParseErrorAsync), "FeatureFileIsValidGherkin", [], FeatureTags.In(text)));
            return fixture;
        }
    }

    private static TestSuite NewFixture(
        ITypeInfo typeInfo, IPreFilter filter, string fixtureNamespace, string name, FeatureFile? feature, FeatureParseException? parseError, string? configurationProblems)
    {
        var fixture = new NUnitTestFixtureBuilder().BuildFrom(typeInfo, filter, new TestFixtureParameters([feature, parseError, configurationProblems]));
        fixture.Name = name;
        fixture.FullName = $"{fixtureNamespace}.{name}";
        return fixture;
    }

    private static TestMethod BuildTest(ITypeInfo typeInfo, TestSuite fixture, string methodName, string testName, object[] arguments, IEnumerable<string> categories)
    {
        var method = typeInfo.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Single(candidate => candidate.Name == methodName);
        var parameters = new TestCaseParameters(arguments) { TestName = testName };
        foreach (var category in categories)
            parameters.Properties.Add(PropertyNames.Category, category);
        return new NUnitTestCaseBuilder().BuildTestMethod(method, fixture, parameters);
    }

    private sealed class AcceptEveryMethod : IPreFilter
    {
        public static readonly AcceptEveryMethod Instance = new();

        public bool IsMatch(Type type) => true;

        public bool IsMatch(Type type, System.Reflection.MethodInfo method) => true;
    }
}
