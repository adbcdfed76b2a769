using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;

namespace TradingBot.Acceptance.UnitTests.LivingDocumentation;

/// <summary>Debian's Chromium driven by Playwright, with the flags this machine needs and a fresh profile.</summary>
public static partial class ReportBrowser
{
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>The system browser, or null when it is not installed.</summary>
    public static string? ChromiumPath() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    public static Task<IBrowserContext> LaunchAsync(IPlaywright playwright, string executablePath)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchPersistentContextAsync(
            Directory.CreateTempSubdirectory("report-browser-").FullName,
            new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = executablePath,
                Headless = true,
                Args = Flags,
                ViewportSize = new ViewportSize { Width = 1280, Height = 1000 },
            });
    }

    /// <summary>Opens every feature: the report shows only failed features open.</summary>
    public static async Task ExpandEveryFeatureAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var closed = page.Locator("[data-accordion-component='AccordionItemButton'][aria-expanded='false']");
        // Each click opens one feature, so the locator finds one fewer; bounded in case a click does nothing.
        for (var remaining = await closed.CountAsync(); remaining > 0; remaining--)
            await closed.First.ClickAsync();
        (await closed.CountAsync()).ShouldBe(0, "every feature is open");
    }

    /// <summary>The status filters in the report's header ("PASSED 9", "FAILED 1", …), each on a line of its own.</summary>
    public static Dictionary<string, int> StatusCounts(string pageText)
    {
        ArgumentNullException.ThrowIfNull(pageText);
        var header = pageText[..pageText.IndexOf("Scenarios", StringComparison.Ordinal)];
        return StatusCount().Matches(header).ToDictionary(
            match => match.Groups["status"].Value.ToLowerInvariant(), match => int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\s*(?<status>passed|failed|undefined|pending|ambiguous|skipped|unknown)\s*(?<count>\d+)\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex StatusCount();
}
