using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.ReqnrollNUnit;

namespace TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

[TestFixture]
public sealed class FeatureFileTests
{
    private const string Outlines = """
        @area
        Feature: Outline names
          Rule: a rule
            @rule-tag
            Scenario Outline: <broker> hedges <quantity>
              Given the bot hedges with the <broker> broker
              Then a hedge of <quantity>

              Examples: fractional
                | broker  | quantity |
                | dry-run | 1.2      |
                | dry-run | 500      |

              @whole
              Examples: whole shares
                | broker | quantity |
                | Schwab | 1        |

          Scenario Outline: Unnamed sets
            Given <a>

            Examples:
              | a |
              | x |

            Examples:
              | a |
              | y |
        """;

    [Test]
    public void Outline_rows_are_named_after_their_examples_set_and_first_cell_or_variant()
    {
        FeatureFile.Parse("Features/outlines.feature", Outlines).Scenarios.Select(scenario => scenario.TestName).ShouldBe(
        [
            "BrokerHedgesQuantity_Fractional_Variant0",
            "BrokerHedgesQuantity_Fractional_Variant1",
            "BrokerHedgesQuantity_WholeShares_Schwab",
            "UnnamedSets_ExampleSet0_X",
            "UnnamedSets_ExampleSet1_Y",
        ]);
    }

    [Test]
    public void Tags_of_feature_rule_scenario_and_examples_become_categories()
    {
        var scenario = FeatureFile.Parse("Features/outlines.feature", Outlines).Scenarios[2];
        scenario.Categories.ShouldBe(["area", "rule-tag", "whole"], ignoreOrder: true);
        scenario.InheritedTags.ShouldBe(["area"]);
        scenario.Rule.ShouldNotBeNull().Title.ShouldBe("a rule");
    }

    [Test]
    public void Outline_steps_carry_the_row_values_and_the_keyword_as_written()
    {
        var scenario = FeatureFile.Parse("Features/outlines.feature", Outlines).Scenarios[0];
        scenario.Title.ShouldBe("dry-run hedges 1.2");
        scenario.Steps.Select(step => (step.Keyword, step.Text)).ShouldBe(
            [("Given ", "the bot hedges with the dry-run broker"), ("Then ", "a hedge of 1.2")]);
        scenario.ExampleArguments["quantity"].ShouldBe("1.2");
    }

    [Test]
    public void A_syntax_error_names_the_file_line_and_column()
    {
        var error = Should.Throw<FeatureParseException>(() =>
            FeatureFile.Parse("Features/broken.feature", "Feature: Broken\n  Scenario: one\n    Given a step\n  Examples without colon\n"));
        error.Message.ShouldStartWith("Features/broken.feature:4:3: expected:");
    }

    // Reqnroll's binding culture falls back to the feature's; a neutral one made it rebuild a Gherkin dialect per step.
    [Test]
    public void A_feature_without_a_language_line_takes_the_configured_language_as_a_specific_culture()
    {
        var feature = FeatureFile.Parse("Features/plain.feature", "Feature: Plain\n  Scenario: one\n    Given a step\n", "en-US");
        feature.Info.Language.Name.ShouldBe("en-US", "culture of a feature without a language line");
        feature.GherkinDocument.Feature.Language.ShouldBe("en-US", "language in the report");
    }

    [Test]
    public void A_language_line_overrides_the_configured_language()
    {
        var feature = FeatureFile.Parse(
            "Features/german.feature", "# language: de\nFunktionalität: Deutsch\n  Szenario: eins\n    Angenommen ein Schritt\n", "en-US");
        feature.Info.Language.Name.ShouldBe("de", "culture of a German feature");
        feature.Scenarios[0].Steps[0].Text.ShouldBe("ein Schritt", "German step text");
    }
}
