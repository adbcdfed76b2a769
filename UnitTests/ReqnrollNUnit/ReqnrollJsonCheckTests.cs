using System.Text;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.ReqnrollNUnit;

namespace TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

/// <summary>The check of <c>reqnroll.json</c> against Reqnroll's own settings, in process (the run-level checks are in <see cref="BrokenInputTests"/>).</summary>
[TestFixture]
public sealed class ReqnrollJsonCheckTests
{
    [Test]
    public void The_projects_own_reqnroll_json_has_no_problem() =>
        ReqnrollJsonCheck.Problems(Path.Combine(TestContext.CurrentContext.TestDirectory, "reqnroll.json"),
            File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "reqnroll.json"))).ShouldBeEmpty();

    [Test]
    public void Every_setting_reqnroll_reads_is_known_whatever_its_case_and_comments_are_allowed() =>
        Check("""
            // Reqnroll skips comments
            { "$schema": "https://schemas.reqnroll.net/reqnroll-config-latest.json",
              "language": { "feature": "de-DE", "binding": "en-US" }, "bindingCulture": { "name": "en-US" },
              "Runtime": { "stopAtFirstError": true, "obsoleteBehavior": "Error", "dependencies": [ { "type": "A", "as": "B" } ] },
              "generator": { "allowRowTests": false, "addNonParallelizableMarkerForTags": [ "serial" ] },
              "trace": { "minTracedDuration": "0:0:0.5", "ColoredOutput": false },
              "bindingAssemblies": [ { "assembly": "Steps" } ],
              "formatters": { "html": { "outputFilePath": "r.html" }, "custom": { "anything": 1 } } }
            """).ShouldBeEmpty();

    [Test]
    public void A_misspelt_top_level_key_names_the_nearest_setting() =>
        Check("{\n  \"formatter\": { }\n}").ShouldBe(["reqnroll.json:2: \"formatter\" is not a Reqnroll setting: did you mean \"formatters\"?"]);

    [Test]
    public void A_key_far_from_every_setting_lists_the_settings_of_its_section() =>
        Check("{ \"language\": { \"dialect\": \"x\" } }").ShouldBe(["reqnroll.json:1: \"language.dialect\" is not a Reqnroll setting (known here: feature, binding)"]);

    [Test]
    public void Values_of_the_wrong_kind_are_named_with_what_they_must_be() =>
        Check("""
            { "trace": { "minTracedDuration": "soon" },
              "bindingAssemblies": { "assembly": "Steps" },
              "formatters": { "message": { "outputFilePath": 3 }, "html": "reports/a.html" } }
            """).ShouldBe(
        [
            "reqnroll.json:1: \"trace.minTracedDuration\" must be a duration such as \"00:00:00.1\", not \"soon\"",
            "reqnroll.json:2: \"bindingAssemblies\" must be a list, not an object",
            "reqnroll.json:3: \"formatters.message.outputFilePath\" must be a file path, not 3",
            "reqnroll.json:3: \"formatters.html\" must be an object of settings, not \"reports/a.html\"",
        ]);

    private static IReadOnlyList<string> Check(string json) => ReqnrollJsonCheck.Problems("reqnroll.json", Encoding.UTF8.GetBytes(json));
}
