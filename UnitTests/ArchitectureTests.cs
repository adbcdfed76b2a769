using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.UnitTests.Architecture;

namespace TradingBot.Acceptance.UnitTests;

/// <summary>
/// The layers' rules, read from the compiled types (signatures and method bodies): the folders of
/// <c>Domain/</c> depend on each other without a cycle, the domain knows nothing of tests, and
/// <c>ReqnrollNUnit/</c> (the test framework integration) knows nothing of the bot.
/// </summary>
[TestFixture]
public sealed partial class ArchitectureTests
{
    private const string DomainNamespace = "TradingBot.Acceptance.Domain";
    private static readonly Assembly Project = typeof(Domain.EventSourcing.SqliteDatabase).Assembly;
    private static readonly string[] TestFrameworks = ["NUnit", "Shouldly", "Moq", "WireMock", "Reqnroll", "TradingBot.Acceptance.Support", "TradingBot.Acceptance.UnitTests"];
    private static readonly string[] TheBot = [DomainNamespace, "TradingBot.Acceptance.Support"];

    [Test]
    public void The_folders_of_the_domain_depend_on_each_other_without_a_cycle()
    {
        var graph = DomainFolders();

        graph.Folders.Count().ShouldBeGreaterThan(10, "domain folders inspected");
        graph.DependenciesOf("Rebalancing").ShouldContain("EventSourcing", "a dependency the graph must see");
        graph.Cycles().SelectMany(graph.Describe).ShouldBeEmpty("folder dependencies that go round in a circle");
    }

    [Test]
    public void The_cycle_finder_finds_every_circle_and_nothing_else()
    {
        var graph = new FolderGraph();
        foreach (var (from, to) in new[] { ("A", "B"), ("B", "C"), ("C", "A"), ("D", "A"), ("D", "E"), ("E", "F"), ("F", "E"), ("G", "G") })
            graph.Add(from, to, $"{from}.Type uses {to}.Type");

        graph.Cycles().ShouldBe([["A", "B", "C"], ["E", "F"]], "the two circles; D only leads into them, G refers to itself");
        graph.Describe(["E", "F"]).ShouldBe(["E → F (E.Type uses F.Type)", "F → E (F.Type uses E.Type)"]);
        var chain = new FolderGraph();
        chain.Add("A", "B", "");
        chain.Add("B", "C", "");
        chain.Cycles().ShouldBeEmpty("a chain has no circle");
    }

    [Test]
    public void The_domain_knows_nothing_of_tests()
    {
        var domainTypes = Project.GetTypes().Where(type => IsIn(type, DomainNamespace)).ToList();

        domainTypes.Count.ShouldBeGreaterThan(20, "domain types inspected");
        Offenders(domainTypes, TestFrameworks).ShouldBeEmpty("domain types referring to test frameworks");
        Offenders([typeof(ArchitectureTests)], TestFrameworks).ShouldNotBeEmpty("the same check on a test finds what it uses");
    }

    [Test]
    public void The_test_framework_integration_knows_nothing_of_the_bot()
    {
        var integration = ReqnrollNUnitTypes();

        integration.Count.ShouldBeGreaterThan(10, "ReqnrollNUnit types inspected");
        Offenders(integration, TheBot).ShouldBeEmpty("ReqnrollNUnit types referring to the bot or its scenario world");
        Offenders(Project.GetTypes().Where(type => IsIn(type, "TradingBot.Acceptance.Support.Hosting")), TheBot)
            .ShouldNotBeEmpty("the same check on the scenario world finds the bot it hosts");
    }

    // Domain/X/Y… is folder X: a folder's subfolders are its own business.
    private static FolderGraph DomainFolders()
    {
        var graph = new FolderGraph();
        foreach (var type in Project.GetTypes().Where(type => IsIn(type, DomainNamespace)))
        {
            var from = FolderOf(type)!;
            graph.Add(from, from, "");
            foreach (var referenced in TypeReferences.ReferencedTypes(type).Distinct())
            {
                if (FolderOf(referenced) is { } to)
                    graph.Add(from, to, $"{type.FullName} uses {referenced.FullName}");
            }
        }

        return graph;
    }

    private static string? FolderOf(Type type) =>
        type.Assembly == Project && IsIn(type, DomainNamespace) && type.Namespace!.Length > DomainNamespace.Length
            ? type.Namespace[(DomainNamespace.Length + 1)..].Split('.')[0]
            : null;

    private static List<string> Offenders(IEnumerable<Type> types, string[] forbidden) =>
        [.. types
            .SelectMany(type => TypeReferences.ReferencedTypes(type).Select(referenced => (type, referenced)))
            .Where(pair => forbidden.Any(prefix => pair.referenced.FullName?.StartsWith(prefix, StringComparison.Ordinal) == true))
            .Select(pair => $"{pair.type.FullName} uses {pair.referenced.FullName}")
            .Distinct()];

    // The types declared in ReqnrollNUnit/*.cs, whatever their namespace, with the types nested in them.
    private static List<Type> ReqnrollNUnitTypes()
    {
        var folder = Path.Combine(
            Project.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "ProjectDirectory").Value!,
            "ReqnrollNUnit");
        var declared = Directory.EnumerateFiles(folder, "*.cs")
            .Select(File.ReadAllText)
            .SelectMany(source => Declarations().Matches(source)
                .Select(match => $"{FileNamespace().Match(source).Groups["namespace"].Value}.{match.Groups["name"].Value}"))
            .ToHashSet(StringComparer.Ordinal);
        return [.. Project.GetTypes().Where(type => declared.Contains(Outermost(type).FullName!.Split('`')[0]))];
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static bool IsIn(Type type, string @namespace) =>
        type.Namespace is { } name && (name == @namespace || name.StartsWith(@namespace + ".", StringComparison.Ordinal));

    [GeneratedRegex(@"^(?:public |internal )?(?:sealed |static |abstract |partial )*(?:class|record|struct|interface|enum) (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex Declarations();

    [GeneratedRegex(@"^namespace (?<namespace>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();
}
