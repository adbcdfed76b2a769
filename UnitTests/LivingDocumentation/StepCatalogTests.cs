using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.LivingDocumentation;
using TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

namespace TradingBot.Acceptance.UnitTests.LivingDocumentation;

/// <summary>The step catalog and run summary of the sample suite's real run (see <see cref="SampleSuiteRun"/>).</summary>
[TestFixture]
[Category("integration")]
public sealed class StepCatalogTests
{
    private CucumberRun run = null!;
    private StepCatalog catalog = null!;

    [OneTimeSetUp]
    public async Task ReadTheSampleRunAsync()
    {
        run = CucumberRun.Read((await SampleSuiteRun.FullRunAsync()).ReportPath("ndjson"));
        catalog = StepCatalog.Build(run);
    }

    [Test]
    public void Every_bound_step_is_listed_with_its_expression_and_binding_by_area()
    {
        catalog.Steps.Select(step => (step.Expression, step.BoundBy)).ShouldBe(
        [
            ("the number {int}", "CalculatorSteps.GivenTheNumber(Int32)"),
            ("the result is {int}", "CalculatorSteps.ThenTheResultIs(Int32)"),
            ("{int} is added", "CalculatorSteps.WhenAdded(Int32)"),
            ("this scenario meets the other feature's scenario", "ParallelSteps.GivenThisScenarioMeetsTheOtherFeaturesScenario()"),
        ]);
    }

    [Test]
    public void A_step_shows_an_example_from_the_first_scenario_that_uses_it_and_the_features_that_use_it()
    {
        var step = catalog.Steps.Single(step => step.Expression == "the number {int}");
        step.Example.ShouldBe(new CatalogExample("Given ", "the number 2", "Features/calculator.feature", 6));
        step.ParameterNames.ShouldBe(["int"]);
        step.Uses.ShouldBe(
        [
            new FeatureUse("Adding numbers", "Features/calculator.feature", 5),
            new FeatureUse("Scenario outcomes", "Features/outcomes.feature", 4),
        ]);
    }

    [Test]
    public void A_parameter_type_lists_what_it_allows_and_the_values_the_features_gave_it()
    {
        var type = catalog.ParameterTypes.ShouldHaveSingleItem();
        type.Name.ShouldBe("int");
        type.RegularExpressions.ShouldBe([@"-?\d+"]);
        type.ValuesUsed.ShouldBe(["2", "3", "5", "7", "0", "1", "10", "4"], ignoreOrder: true);
    }

    [Test]
    public void Undefined_steps_and_steps_of_skipped_scenarios_are_listed_apart()
    {
        catalog.UnboundSteps.ShouldBe([new CatalogExample("When ", "the number is squared twice", "Features/outcomes.feature", 23)]);
        catalog.NotAutomatedSteps.Select(step => step.ToString()).ShouldBe(["Given the number 1"]);
        catalog.UnusedSteps.ShouldBeEmpty();
    }

    [Test]
    public void The_markdown_links_each_example_to_its_feature_file_and_line()
    {
        var markdown = StepCatalogMarkdown.Write(catalog, "report.ndjson", "../");
        markdown.ShouldStartWith("# Step catalog");
        markdown.ShouldContain("- Example: `Given the number 2` ([Features/calculator.feature:6](../Features/calculator.feature#L6))");
        markdown.ShouldContain("- Used by: Adding numbers (5 scenarios); Scenario outcomes (4 scenarios)");
        markdown.ShouldContain("| `{int}` | a whole number: 42, -3 | `2` | `2`, `3`, `5`, `7`, `0`, `1`, `10`, `4` | `-?\\d+` |");
    }

    [Test]
    public void Steps_are_grouped_by_area_the_binding_class_in_words()
    {
        catalog.Steps.Select(step => (step.Area, step.Expression)).ShouldContain(("Calculator", "the number {int}"));
        catalog.Steps.Select(step => (step.Area, step.Expression)).ShouldContain(("Parallel", "this scenario meets the other feature's scenario"));
        var markdown = StepCatalogMarkdown.Write(catalog, "report.ndjson", "../");
        markdown.IndexOf("### Calculator", StringComparison.Ordinal).ShouldBeLessThan(markdown.IndexOf("#### `the number {int}`", StringComparison.Ordinal));
    }

    [Test]
    public void The_html_catalog_is_one_page_with_the_parameter_types_and_the_steps_by_area()
    {
        var html = StepCatalogHtml.Write(catalog, "report.ndjson", "../");
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<h2 id=\"area-calculator\">Calculator</h2>");
        html.ShouldContain("<tr><td><code>{int}</code></td><td>a whole number: 42, -3</td><td><code>2</code></td>");
        html.ShouldContain("<dt>Example</dt><dd><code>Given the number 2</code> (<a href=\"../Features/calculator.feature\">Features/calculator.feature:6</a>)</dd>");
        html.ShouldNotContain("http", Case.Insensitive);
    }

    [Test]
    public void The_summary_counts_passed_failed_and_skipped_scenarios_per_feature_and_an_invalid_feature_file_as_failed() =>
        RunSummary.Build(run).ToString().ShouldBe(
            "Adding numbers: 5 passed, 0 failed, 0 skipped; Features/broken.feature (not valid Gherkin): 0 passed, 1 failed, 0 skipped; " +
            "Parallel one: 1 passed, 0 failed, 0 skipped; " +
            "Parallel two: 1 passed, 0 failed, 0 skipped; Scenario outcomes: 2 passed, 2 failed, 2 skipped");

    [TestCase("the bot sells {shares} {symbol} on-chain", new[] { "shares", "symbol" })]
    [TestCase("a step with {} and \\{not a parameter}", new[] { "" })]
    [TestCase("the execution threshold is {decimal} share(s)", new[] { "decimal" })]
    public void Parameter_types_are_read_from_a_cucumber_expression(string expression, string[] expected) =>
        StepCatalog.ParameterNamesIn(expression).ShouldBe(expected);
}
