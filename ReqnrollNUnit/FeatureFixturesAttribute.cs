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
        var relativePaths = Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => Path.GetRelativePath(outputFolder, path).Replace('\\', '/'))
            .ToArray();
        // Parsing is most of the discovery: every core parses files; NUnit's builders then run in file order.
        var parsed = new ParsedFeature[relativePaths.Length];
        Parallel.For(0, relativePaths.Length, index => parsed[index] = ParsedFeature.Read(outputFolder, relativePaths[index]));
        var methods = typeInfo.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);
        foreach (var feature in parsed)
            yield return BuildFixture(typeInfo, filter, methods, fixtureNamespace, feature);
    }

    private static TestSuite BuildFixture(ITypeInfo typeInfo, IPreFilter filter, IMethodInfo[] methods, string fixtureNamespace, ParsedFeature parsed)
    {
        if (parsed.Feature is { } feature)
        {
            var fixture = NewFixture(typeInfo, filter, fixtureNamespace, feature.FixtureName, feature, null);
            foreach (var category in feature.Info.Tags)
                fixture.Properties.Add(PropertyNames.Category, category);
            var runScenario = Method(methods, nameof(FeatureFixture.RunScenarioAsync));
            foreach (var scenario in feature.Scenarios)
                fixture.Add(BuildTest(runScenario, fixture, scenario.TestName, [scenario.PickleIndex], scenario.Categories));
            return fixture;
        }

        var name = TestNames.ForFeature(Path.GetFileNameWithoutExtension(parsed.RelativePath));
        var broken = NewFixture(typeInfo, filter, fixtureNamespace, name, null, parsed.ParseError);
        broken.Add(BuildTest(Method(methods, nameof(FeatureFixture.ReportParseError)), broken, "FeatureFileIsValidGherkin", [], []));
        return broken;
    }

    private static TestSuite NewFixture(ITypeInfo typeInfo, IPreFilter filter, string fixtureNamespace, string name, FeatureFile? feature, string? parseError)
    {
        var fixture = new NUnitTestFixtureBuilder().BuildFrom(typeInfo, filter, new TestFixtureParameters([feature, parseError]));
        fixture.Name = name;
        fixture.FullName = $"{fixtureNamespace}.{name}";
        return fixture;
    }

    private static IMethodInfo Method(IMethodInfo[] methods, string name) => methods.Single(candidate => candidate.Name == name);

    private static TestMethod BuildTest(IMethodInfo method, TestSuite fixture, string testName, object[] arguments, IEnumerable<string> categories)
    {
        var parameters = new TestCaseParameters(arguments) { TestName = testName };
        foreach (var category in categories)
            parameters.Properties.Add(PropertyNames.Category, category);
        return new NUnitTestCaseBuilder().BuildTestMethod(method, fixture, parameters);
    }

    /// <summary>A feature file read and parsed, or the reason it could not be.</summary>
    private sealed record ParsedFeature(string RelativePath, FeatureFile? Feature, string? ParseError)
    {
        public static ParsedFeature Read(string outputFolder, string relativePath)
        {
            try
            {
                return new ParsedFeature(relativePath, FeatureFile.Parse(relativePath, File.ReadAllText(Path.Combine(outputFolder, relativePath))), null);
            }
            catch (FeatureParseException exception)
            {
                return new ParsedFeature(relativePath, null, exception.Message);
            }
        }
    }

    private sealed class AcceptEveryMethod : IPreFilter
    {
        public static readonly AcceptEveryMethod Instance = new();

        public bool IsMatch(Type type) => true;

        public bool IsMatch(Type type, System.Reflection.MethodInfo method) => true;
    }
}
