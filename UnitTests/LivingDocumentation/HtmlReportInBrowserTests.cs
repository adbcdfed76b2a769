using Microsoft.Playwright;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

namespace TradingBot.Acceptance.UnitTests.LivingDocumentation;

/// <summary>
/// Opens the HTML report of the sample suite's run (which has passed, failed and undefined scenarios) in
/// headless Chromium, as a reader would, and saves a screenshot next to the report.
/// </summary>
[TestFixture]
[Category("browser")]
public sealed class HtmlReportInBrowserTests
{
    private readonly List<string> requests = [];
    private readonly List<string> consoleErrors = [];
    private SampleSuiteRun run = null!;
    private string pageText = null!;
    private string screenshotPath = null!;

    [OneTimeSetUp]
    public async Task OpenTheReportAsync()
    {
        run = await SampleSuiteRun.FullRunAsync();
        var browser = ReportBrowser.ChromiumPath()
            ?? throw new InvalidOperationException("Chromium is not installed: apt-get install -y chromium (.ci/run does it).");
        using var playwright = await Playwright.CreateAsync();
        await using var context = await ReportBrowser.LaunchAsync(playwright, browser);
        context.Request += (_, request) => requests.Add(request.Url);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                consoleErrors.Add(message.Text);
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
        await page.GotoAsync(new Uri(run.ReportPath("html")).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.GetByText("A failing scenario").First.WaitForAsync();
        await ReportBrowser.ExpandEveryFeatureAsync(page);
        pageText = await page.InnerTextAsync("body");
        screenshotPath = Path.ChangeExtension(run.ReportPath("html"), "png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshotPath, FullPage = true });
    }

    [Test]
    public void Every_feature_and_every_scenario_that_ran_appears()
    {
        pageText.ShouldContain("Adding numbers");
        pageText.ShouldContain("Scenario outcomes");
        foreach (var scenario in new[] { "Adding two numbers", "Adding zero changes nothing", "A passing scenario", "A failing scenario",
                     "A scenario with an undefined step", "A state that no other scenario sees", "Waits for the other feature", "Meets the first feature" })
            pageText.ShouldContain(scenario);
    }

    [Test]
    public void The_counts_match_the_run()
    {
        var passed = run.Results.Count(result => result.Outcome == SampleOutcome.Passed);
        var executed = passed + run.Results.Count(result => result.Outcome == SampleOutcome.Failed && result.Name != "FeatureFileIsValidGherkin");
        (passed, executed).ShouldBe((9, 11), "the sample run itself");
        pageText.ShouldContain($"({passed} / {executed}) passed");
        ReportBrowser.StatusCounts(pageText).ShouldBe(new Dictionary<string, int> { ["passed"] = 9, ["undefined"] = 1, ["failed"] = 1 });
    }

    [Test]
    public void A_feature_file_that_is_not_valid_gherkin_is_shown_above_the_report() =>
        pageText.ShouldContain(
            "1 problem in feature files that are not valid Gherkin: their scenarios did not run\nFeatures/broken.feature:6:3: expected:");

    [Test]
    public void A_failed_scenario_shows_its_error() =>
        pageText.ShouldContain("ShouldAssertException");

    [Test]
    public void The_page_makes_no_network_request() =>
        requests.ShouldAllBe(url => url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal));

    [Test]
    public void The_page_logs_no_console_error() =>
        consoleErrors.ShouldBeEmpty();

    [Test]
    public void A_screenshot_is_saved_next_to_the_report()
    {
        var header = File.ReadAllBytes(screenshotPath).Take(8).ToArray();
        header.ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "a PNG file");
        new FileInfo(screenshotPath).Length.ShouldBeGreaterThan(20_000, "a rendered page, not a blank one");
    }
}
