using NUnit.Framework;
using Shouldly;

namespace TradingBot.Acceptance.UnitTests.Documentation;

[TestFixture]
public sealed class DocumentationTests
{
    // "§" written as an escape, and the shared folder in two parts, so that this file cites and mentions nothing.
    private const string Section = "\u00a7";
    private static readonly string SharedFolder = ".." + "/shared";
    private static readonly string SharedRules = "shared/" + "DOMAIN.md";

    private const string Rules = """
        # The bot's rules

        ## 6. The hedging pipeline (order of effects)

        ### 6.5 Stale cleanup (10 min)

        ## 10. Hardening rules (project decisions)
        """;

    private static IReadOnlyList<RepositoryFile> files = [];

    [OneTimeSetUp]
    public void ReadTheRepository() => files = RepositoryFiles.Text();

    [Test]
    public void No_file_of_the_repository_refers_to_the_shared_folder_beside_it()
    {
        files.Count.ShouldBeGreaterThan(100, "text files of the repository");
        DocumentationChecks.OutsideFolderReferences(files).ShouldBeEmpty();
    }

    [Test]
    public void Every_cited_section_of_the_rules_is_a_heading_of_docs_domain_md()
    {
        var rules = files.Single(file => file.Path == DocumentationChecks.DomainDocument).Text;
        DocumentationChecks.SectionNumbers(rules).Count.ShouldBeGreaterThan(50, "sections of the rules");
        files.Count(file => file.Text.Contains(Section, StringComparison.Ordinal)).ShouldBeGreaterThan(20, "files citing the rules");
        DocumentationChecks.UnresolvedCitations(files, rules).ShouldBeEmpty();
    }

    [Test]
    public void A_mention_of_the_shared_folder_is_found_with_its_file_and_line()
    {
        RepositoryFile[] sample =
        [
            new("README.md", $"# Title\nThe rules are in `{SharedFolder}/DOMAIN.md`.\n"),
            new("scripts/acceptance", $"#!/usr/bin/env bash\ncatalog \"{SharedFolder}/features\"\n"),
            new("Domain/Rules.cs", $"// see {SharedRules}\n"),
            new("docs/domain.md", "The rules, in the repository.\n"),
        ];

        DocumentationChecks.OutsideFolderReferences(sample).ShouldBe(
        [
            $"README.md:2: The rules are in `{SharedFolder}/DOMAIN.md`.",
            $"scripts/acceptance:2: catalog \"{SharedFolder}/features\"",
            $"Domain/Rules.cs:1: // see {SharedRules}",
        ]);
    }

    [Test]
    public void A_heading_gives_its_section_number_and_other_lines_give_none()
    {
        DocumentationChecks.SectionNumbers(Rules).ShouldBe(["6", "6.5", "10"], ignoreOrder: true);
        DocumentationChecks.SectionNumbers("# 1. Title\n**6.1 Ingest.** bold, not a heading\n#### 7.1.2 Deep\n").ShouldBe(["7.1.2"]);
    }

    [Test]
    public void A_citation_of_a_section_without_a_heading_is_found_with_its_file_and_line()
    {
        RepositoryFile[] sample =
        [
            new("Domain/Hedging/Conductor.cs", $"/// The pipeline (DOMAIN {Section}6).\n/// Stale cleanup (DOMAIN {Section}6.5), dead letters ({Section}10).\n"),
            new("Domain/Hedging/Poller.cs", $"// line one\n/// Polls (DOMAIN {Section}6.4), as DOMAIN\n/// {Section}11 says.\n"),
            new("Features/arbitrage.feature", $"# The rule of {Section}7.3\n"),
            new("docs/performance.md", $"the two indexes DOMAIN {Section}3 asks for.\n"),
            new("scripts/test", $"# {Section}99 in a script is not a citation\n"),
        ];

        DocumentationChecks.UnresolvedCitations(sample, Rules).ShouldBe(
        [
            $"Domain/Hedging/Poller.cs:2: {Section}6.4 has no heading in docs/domain.md",
            $"Domain/Hedging/Poller.cs:3: {Section}11 has no heading in docs/domain.md",
            $"Features/arbitrage.feature:1: {Section}7.3 has no heading in docs/domain.md",
            $"docs/performance.md:1: {Section}3 has no heading in docs/domain.md",
        ]);
    }
}
