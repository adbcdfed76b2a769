using System.Globalization;
using System.Text.RegularExpressions;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Configuration;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Parser;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>
/// A parsed feature file: its Cucumber messages (source, Gherkin document, pickles), which Reqnroll's
/// formatters put into the report, and one <see cref="ScenarioDefinition"/> per pickle.
/// </summary>
public sealed partial class FeatureFile : IFeatureLevelCucumberMessages
{
    private FeatureFile(Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles, IReadOnlyList<string> warnings)
    {
        Source = source;
        Warnings = warnings;
        GherkinDocument = document;
        Pickles = pickles;
        var feature = document.Feature ?? throw new InvalidOperationException($"{source.Uri} has no Feature.");
        FixtureName = TestNames.ForFeature(feature.Name);
        Info = new FeatureInfo(
            new CultureInfo(feature.Language),
            Path.GetDirectoryName(source.Uri)?.Replace('\\', '/') ?? string.Empty,
            feature.Name,
            feature.Description,
            ProgrammingLanguage.CSharp,
            feature.Tags.Select(tag => tag.Name.TrimStart('@')).ToArray(),
            this);
        Scenarios = new ScenarioIndex(document).Describe(pickles, Info.Tags);
    }

    public string RelativePath => Source.Uri;

    public string FixtureName { get; }

    /// <summary>One instance per feature: Reqnroll tells features apart by it.</summary>
    public FeatureInfo Info { get; }

    public IReadOnlyList<ScenarioDefinition> Scenarios { get; }

    /// <summary>What is valid Gherkin but likely not what the writer meant, as <c>path:line: warning: …</c>.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public bool HasMessages => true;

    public Source Source { get; }

    public GherkinDocument GherkinDocument { get; }

    IEnumerable<Pickle> IFeatureLevelCucumberMessages.Pickles => Pickles;

    public IReadOnlyList<Pickle> Pickles { get; }

    /// <summary>Reads a feature file; <paramref name="relativePath"/> is how reports and errors name it.</summary>
    /// <param name="featureLanguage">
    /// The language of a file without a <c># language:</c> line: <c>language.feature</c> of <c>reqnroll.json</c>
    /// (<see cref="ConfiguredFeatureLanguage"/>), as Reqnroll's generator reads it. It becomes the feature's culture.
    /// </param>
    /// <exception cref="FeatureParseException">The text is not valid Gherkin.</exception>
    public static FeatureFile Parse(string relativePath, string text, string featureLanguage = ConfigDefaults.FeatureLanguage)
    {
        var uri = relativePath.Replace('\\', '/');
        Gherkin.Ast.GherkinDocument ast;
        var dialects = new ReqnrollGherkinDialectProvider(featureLanguage);
        try
        {
            ast = new Parser().Parse(new TokenScanner(new StringReader(text)), new TokenMatcher(dialects));
        }
        catch (ParserException exception)
        {
            throw new FeatureParseException(uri, text, Describe(uri, exception), exception);
        }

        if (ast.Feature is null)
            throw new FeatureParseException(uri, text, [new FeatureParseError(uri, 1, 1, "the file has no Feature.")], new InvalidDataException(uri));
        // One report holds every feature: ids must be unique across features, as Reqnroll's generator makes them.
        var ids = new GuidIdGenerator();
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, uri);
        var pickles = new PickleCompiler(ids).Compile(document);
        var warnings = StepLikeDescriptionLines.Find(uri, text, document, dialects.GetDialect(ast.Feature.Language, null));
        return new FeatureFile(new Source(uri, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN), document, pickles, warnings);
    }

    /// <summary>The feature language that Reqnroll's configuration (<c>reqnroll.json</c>, or its default) sets.</summary>
    public static string ConfiguredFeatureLanguage() =>
        new ConfigurationLoader(new ReqnrollJsonLocator()).Load(ConfigurationLoader.GetDefault()).FeatureLanguage.Name;

    private static FeatureParseError[] Describe(string uri, ParserException exception)
    {
        var errors = exception is CompositeParserException composite ? composite.Errors : [exception];
        return errors.Select(error => new FeatureParseError(
            uri, error.Location?.Line ?? 1, error.Location?.Column ?? 1, LocationPrefix().Replace(error.Message, string.Empty))).ToArray();
    }

    [GeneratedRegex(@"^\(\d+:\d+\): ")]
    private static partial Regex LocationPrefix();
}
