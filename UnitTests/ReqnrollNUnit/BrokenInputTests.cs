using NUnit.Framework;
using Shouldly;

namespace TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

/// <summary>
/// A broken <c>reqnroll.json</c> is never green: a copy of the built sample suite is run with its configuration
/// broken as a reader might break it, and the run must fail with one test that says where, and write no report.
/// Each test runs its own <c>dotnet test</c>, so they run at the same time.
/// </summary>
[TestFixture]
[Category("integration")]
[Parallelizable(ParallelScope.Children)]
public sealed class BrokenInputTests
{
    [Test]
    public async Task A_reqnroll_json_that_is_not_json_fails_the_run_naming_the_file_line_and_column()
    {
        var run = await RunWithReqnrollJsonAsync(json => json.Replace("\"Error\" },", "\"Error\" ", StringComparison.Ordinal));

        FailsWithOneConfigurationTest(run).ShouldContain("reqnroll.json:3:3: not valid JSON");
    }

    [Test]
    public async Task A_misspelt_key_fails_the_run_naming_the_line_and_the_key_it_meant()
    {
        var run = await RunWithReqnrollJsonAsync(json => json.Replace("missingOrPendingStepsOutcome", "missingOrPendingStepsOutcom", StringComparison.Ordinal));

        FailsWithOneConfigurationTest(run).ShouldContain(
            "reqnroll.json:2: \"runtime.missingOrPendingStepsOutcom\" is not a Reqnroll setting: did you mean \"missingOrPendingStepsOutcome\"?");
    }

    [Test]
    public async Task A_value_of_the_wrong_type_fails_the_run_naming_the_key_and_the_values_it_takes()
    {
        var run = await RunWithReqnrollJsonAsync(json => json.Replace("\"Error\"", "\"Fail\"", StringComparison.Ordinal));

        FailsWithOneConfigurationTest(run).ShouldContain(
            "reqnroll.json:2: \"runtime.missingOrPendingStepsOutcome\" must be one of Pending, Inconclusive, Ignore, Error, not \"Fail\"");
    }

    [Test]
    public async Task A_filtered_run_with_a_broken_reqnroll_json_fails_too_instead_of_matching_nothing()
    {
        var run = await RunWithReqnrollJsonAsync(json => json.Replace("\"trace\"", "\"trce\"", StringComparison.Ordinal), "Category=smoke");

        FailsWithOneConfigurationTest(run).ShouldContain("reqnroll.json:3: \"trce\" is not a Reqnroll setting: did you mean \"trace\"?");
    }

    private static Task<SampleSuiteRun> RunWithReqnrollJsonAsync(Func<string, string> edit, string? filter = null) =>
        SampleSuiteRun.RunChangedAsync(folder =>
        {
            var path = Path.Combine(folder, "reqnroll.json");
            var json = File.ReadAllText(path);
            var edited = edit(json);
            edited.ShouldNotBe(json, "the edit must break the sample's reqnroll.json");
            File.WriteAllText(path, edited);
        }, filter);

    /// <returns>The message of the one failed test.</returns>
    private static string FailsWithOneConfigurationTest(SampleSuiteRun run)
    {
        run.ExitCode.ShouldNotBe(0, run.Output);
        var test = run.Results.ShouldHaveSingleItem("no scenario runs with a configuration Reqnroll would misread");
        (test.Name, test.Outcome).ShouldBe(("ReqnrollJsonIsValid", SampleOutcome.Failed));
        File.Exists(run.ReportPath("ndjson")).ShouldBeFalse("no report may say anything about a run that did not start");
        File.Exists(run.ReportPath("html")).ShouldBeFalse();
        return test.Message;
    }
}
