using System.Text.Json;
using Io.Cucumber.Messages.Types;
using NUnit.Framework;
using Reqnroll.Formatters.PayloadProcessing;
using Shouldly;

namespace TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

/// <summary>What the NUnit integration guarantees (docs/reqnroll-nunit.md), checked on a sample suite run by dotnet test.</summary>
[TestFixture]
[Category("integration")]
public sealed class NUnitIntegrationTests
{
    private const string Features = "TradingBot.Acceptance.Features.";
    private SampleSuiteRun fullRun = null!;
    private SampleSuiteRun smokeRun = null!;

    [OneTimeSetUp]
    public async Task RunTheSampleSuiteAsync()
    {
        fullRun = await SampleSuiteRun.FullRunAsync();
        smokeRun = await SampleSuiteRun.RunAsync("Category=smoke");
    }

    [Test]
    public void A_feature_with_two_scenarios_and_a_three_row_outline_is_one_fixture_of_five_named_tests()
    {
        var tests = fullRun.Results.Where(result => result.Fixture == Features + "AddingNumbersFeature").ToList();
        tests.Select(test => test.Name).ShouldBe(
            ["AddingAddedToStart__1", "AddingAddedToStart__10", "AddingAddedToStart__2", "AddingTwoNumbers", "AddingZeroChangesNothing"],
            ignoreOrder: true);
        tests.ShouldAllBe(test => test.Outcome == SampleOutcome.Passed);
    }

    [Test]
    public void The_smoke_category_runs_exactly_the_scenarios_tagged_smoke_on_a_scenario_examples_block_or_rule_and_a_broken_smoke_file() =>
        smokeRun.Results.Select(result => result.Name).ShouldBe(
            ["AddingAddedToStart__1", "AddingAddedToStart__10", "AddingAddedToStart__2", "AddingZeroChangesNothing", "AStateThatNoOtherScenarioSees",
                "FeatureFileIsValidGherkin"],
            ignoreOrder: true);

    [Test]
    public void An_ignored_scenario_is_skipped_and_runs_no_hook()
    {
        Result("AnIgnoredScenario").Outcome.ShouldBe(SampleOutcome.Skipped);
        File.ReadAllText(fullRun.HookLogPath).ShouldNotContain("An ignored scenario");
    }

    [Test]
    public void A_scenario_in_progress_is_skipped_with_its_reason_and_never_passes()
    {
        var test = Result("AScenarioInProgress");
        test.Outcome.ShouldBe(SampleOutcome.Skipped);
        test.Message.ShouldContain("@wip");
        File.ReadAllText(fullRun.HookLogPath).ShouldNotContain("A scenario in progress");
    }

    [Test]
    public void A_syntax_error_fails_one_test_naming_path_line_and_column_while_the_other_features_run()
    {
        var broken = fullRun.Results.Where(result => result.Fixture == Features + "BrokenFeature").ShouldHaveSingleItem();
        broken.Outcome.ShouldBe(SampleOutcome.Failed);
        broken.Message.ShouldStartWith("Features/broken.feature:6:3: ");
        fullRun.Results.Count(result => result.Outcome == SampleOutcome.Passed).ShouldBe(9);
    }

    [Test]
    public void A_feature_file_that_is_not_valid_gherkin_is_a_parse_error_of_the_reports_and_fails_the_run()
    {
        fullRun.ExitCode.ShouldNotBe(0);
        var envelopes = File.ReadAllLines(fullRun.ReportPath("ndjson")).Select(NdjsonSerializer.Deserialize).ToList();
        var parseError = envelopes.Where(envelope => envelope.ParseError != null).ShouldHaveSingleItem().ParseError;
        parseError.Source.Uri.ShouldBe("Features/broken.feature");
        (parseError.Source.Location.Line, parseError.Source.Location.Column).ShouldBe((6, 3));
        parseError.Message.ShouldStartWith("Features/broken.feature:6:3: expected:");
        envelopes.ShouldContain(envelope => envelope.Source != null && envelope.Source.Uri == "Features/broken.feature", "its text, for readers of the report");
        var finished = envelopes[^1].TestRunFinished;
        finished.Success.ShouldBeFalse();
        finished.Message.ShouldBe("1 parse error(s): a feature file is not valid Gherkin");
    }

    [Test]
    public void A_step_written_in_a_feature_description_is_a_warning_naming_the_file_and_line() =>
        fullRun.Output.ShouldContain(
            "Features/parallel-two.feature:3: warning: \"Given a line like this one, which is description text and never runs\" " +
            "is description text of Feature \"Parallel two\", not a step");

    [Test]
    public void An_undefined_step_fails_with_a_ready_to_paste_binding()
    {
        var test = Result("AScenarioWithAnUndefinedStep");
        test.Outcome.ShouldBe(SampleOutcome.Failed);
        test.Message.ShouldContain("Undefined step: When the number is squared twice (Features/outcomes.feature:23)");
        test.Message.ShouldContain(
            """
            [When("the number is squared twice")]
            public void WhenTheNumberIsSquaredTwice()
            {
                throw new PendingStepException();
            }
            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void A_failing_step_names_its_text_and_feature_line() =>
        Result("AFailingScenario").Message.ShouldContain("Step failed: Then the result is 2 (Features/outcomes.feature:10)");

    [Test]
    public void Scenario_hooks_run_in_order_after_scenario_runs_after_a_failure_and_bindings_are_disposed()
    {
        var log = File.ReadAllLines(fullRun.HookLogPath);
        log.Where(line => line.EndsWith(" A failing scenario", StringComparison.Ordinal) || line.StartsWith("after A failing scenario", StringComparison.Ordinal))
            .ShouldBe(["before-1 A failing scenario", "before-2 A failing scenario", "after A failing scenario TestError", "dispose A failing scenario"]);
        log.Count(line => line.StartsWith("dispose ", StringComparison.Ordinal)).ShouldBe(9);
    }

    [Test]
    public void A_scenario_traces_its_own_steps_into_its_own_test_output()
    {
        var lines = Result("AddingTwoNumbers").Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Where(line => !line.StartsWith("-> ", StringComparison.Ordinal)).ShouldBe(["Given the number 2", "When 3 is added", "Then the result is 5"]);
        lines.Where(line => line.StartsWith("-> ", StringComparison.Ordinal)).Select(line => line[..line.IndexOf('(', StringComparison.Ordinal)])
            .ShouldBe(["-> done: CalculatorSteps.GivenTheNumber", "-> done: CalculatorSteps.WhenAdded", "-> done: CalculatorSteps.ThenTheResultIs"]);
    }

    [Test]
    public void Scenarios_of_different_features_run_at_the_same_time()
    {
        // Each of the two scenarios waits at a barrier for the other: both pass only if they overlap.
        Result("WaitsForTheOtherFeature").Outcome.ShouldBe(SampleOutcome.Passed);
        Result("MeetsTheFirstFeature").Outcome.ShouldBe(SampleOutcome.Passed);
    }

    // Reqnroll 3.3.4's CucumberMessagePublisher itself publishes testRunStarted and then meta when the test
    // run starts, whatever runs it; Cucumber's reference streams open with meta. See README, "Cucumber conformance".
    [Test]
    public void The_message_report_is_a_stream_of_cucumber_envelopes_from_test_run_started_and_meta_to_test_run_finished()
    {
        var envelopes = File.ReadAllLines(fullRun.ReportPath("ndjson")).Select(NdjsonSerializer.Deserialize).ToList();
        envelopes[0].TestRunStarted.ShouldNotBeNull("Reqnroll opens the stream with testRunStarted");
        envelopes[1].Meta.ShouldNotBeNull("and meta right after it");
        envelopes.Count(envelope => envelope.Meta != null).ShouldBe(1);
        envelopes[^1].TestRunFinished.ShouldNotBeNull();
        var pickles = envelopes.Where(envelope => envelope.Pickle != null).Select(envelope => envelope.Pickle.Id).ToList();
        envelopes.Where(envelope => envelope.TestCase != null).Select(envelope => envelope.TestCase.PickleId).ShouldBe(pickles, ignoreOrder: true);
        pickles.Count.ShouldBe(fullRun.Results.Count - 1, "every pickle of the valid features, but none of the broken one");
    }

    [Test]
    public void Pickle_ids_are_unique_across_the_features_of_one_report()
    {
        var pickleIds = File.ReadAllLines(fullRun.ReportPath("ndjson")).Select(NdjsonSerializer.Deserialize)
            .Where(envelope => envelope.Pickle != null).Select(envelope => envelope.Pickle.Id).ToList();
        pickleIds.Distinct().Count().ShouldBe(pickleIds.Count, "one report holds the pickles of every feature");
    }

    [Test]
    public void A_failed_scenario_carries_its_diagnostics_as_an_attachment_and_a_passed_one_none()
    {
        var envelopes = File.ReadAllLines(fullRun.ReportPath("ndjson")).Select(NdjsonSerializer.Deserialize).ToList();
        var pickleNames = envelopes.Where(envelope => envelope.Pickle != null).ToDictionary(envelope => envelope.Pickle.Id, envelope => envelope.Pickle.Name);
        var testCases = envelopes.Where(envelope => envelope.TestCase != null).ToDictionary(envelope => envelope.TestCase.Id, envelope => envelope.TestCase.PickleId);
        var startedCases = envelopes.Where(envelope => envelope.TestCaseStarted != null)
            .ToDictionary(envelope => envelope.TestCaseStarted.Id, envelope => pickleNames[testCases[envelope.TestCaseStarted.TestCaseId]]);
        var attachments = envelopes.Where(envelope => envelope.Attachment != null).Select(envelope => envelope.Attachment).ToList();

        attachments.Select(attachment => startedCases[attachment.TestCaseStartedId])
            .ShouldBe(["A failing scenario", "A scenario with an undefined step"], ignoreOrder: true);
        attachments.ShouldAllBe(attachment => attachment.MediaType == "text/x.cucumber.log+plain");
        attachments[0].Body.ShouldBe(
            """
            Calculator log (1 row)
            | # | operation | number |
            |---|-----------|--------|
            | 1 | start     | 1      |
            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void The_html_report_is_one_self_contained_page()
    {
        var html = File.ReadAllText(fullRun.ReportPath("html"));
        html.ShouldStartWith("<!DOCTYPE html>", Case.Insensitive);
        html.ShouldContain("Adding numbers");
        html.ShouldNotContain("<script src=\"http", Case.Insensitive);
        html.ShouldNotContain("<link rel=\"stylesheet\" href=\"http", Case.Insensitive);
    }

    [Test]
    public void The_html_report_holds_every_message_of_the_message_report()
    {
        var html = File.ReadAllText(fullRun.ReportPath("html"));
        const string Start = "window.CUCUMBER_MESSAGES = ";
        var from = html.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        // The page escapes '<' the JavaScript way, which JSON spells \u003C.
        var messages = html[from..(html.IndexOf("];", from, StringComparison.Ordinal) + 1)].Replace(@"\x3C", @"\u003C", StringComparison.Ordinal);
        using var embedded = JsonDocument.Parse(messages);
        var inHtml = embedded.RootElement.EnumerateArray().Select(message => message.EnumerateObject().First().Name);
        var inNdjson = File.ReadLines(fullRun.ReportPath("ndjson")).Select(MessageKind);

        inHtml.CountBy(kind => kind).ShouldBe(inNdjson.CountBy(kind => kind), ignoreOrder: true);
    }

    private static string MessageKind(string ndjsonLine)
    {
        using var message = JsonDocument.Parse(ndjsonLine);
        return message.RootElement.EnumerateObject().First().Name;
    }

    private SampleTestResult Result(string name) => fullRun.Results.Single(result => result.Name == name);
}
