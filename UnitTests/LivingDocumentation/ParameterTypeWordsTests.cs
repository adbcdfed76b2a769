using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.LivingDocumentation;

namespace TradingBot.Acceptance.UnitTests.LivingDocumentation;

/// <summary>The words a product owner reads for the patterns of the project's own parameter types (Support/Parameters).</summary>
[TestFixture]
public sealed class ParameterTypeWordsTests
{
    [TestCase("^(buy|sell)$", "one of `buy`, `sell`")]
    [TestCase("^(dry-run|Schwab|Alpaca)$", "one of `dry-run`, `Schwab`, `Alpaca`")]
    [TestCase("^(USDC|[A-Z][A-Z0-9.]*)$", "`USDC`, or a capital letter, then capitals, digits or dots")]
    [TestCase(@"^(-?\d+(?:\.\d+)?)$", "an optional minus sign, digits, optionally a decimal point (.) and more digits")]
    [TestCase(@"^(\$\d+(?:,\d{3})*(?:\.\d+)?)$", "a dollar sign, digits, with commas between thousands if you like, optionally a decimal point (.) and more digits")]
    [TestCase("^(t[A-Z][A-Z0-9.]*)$", "`t`, a capital letter, then capitals, digits or dots")]
    [TestCase("^([a-z]{3}-[0-9]+)$", "text matching `[a-z]{3}-[0-9]+`")]
    public void A_pattern_reads_as_the_words_it_lists_and_its_pieces_in_words(string pattern, string words) =>
        ParameterTypeWords.Describe(pattern).ShouldBe(words);

    [Test]
    public void Only_plain_words_are_listed_values() =>
        ParameterTypeWords.ListedWords("^(USDC|[A-Z][A-Z0-9.]*)$").ShouldBe(["USDC"]);

    [Test]
    public void Parameters_are_named_as_the_expression_writes_them_not_by_their_dotnet_type()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("catalog-").FullName, "run.ndjson");
        File.WriteAllLines(path,
        [
            """{"gherkinDocument":{"uri":"Features/a.feature","feature":{"name":"A","children":[{"scenario":{"id":"s","steps":[{"id":"w","keyword":"Given ","text":"a fill of 1.2 AAPL","location":{"line":3}}]}}]}}}""",
            """{"pickle":{"id":"p","uri":"Features/a.feature","name":"a","steps":[{"id":"ps","text":"a fill of 1.2 AAPL","astNodeIds":["w"]}]}}""",
            """{"parameterType":{"id":"t","name":"shares","regularExpressions":["^(-?\\d+(?:\\.\\d+)?)$"]}}""",
            """{"stepDefinition":{"id":"d","pattern":{"source":"a fill of {shares} {symbol}","type":"CUCUMBER_EXPRESSION"},"sourceReference":{"javaMethod":{"className":"X.OnChainSteps","methodName":"GivenAFill","methodParameterTypes":["FractionalShares","Symbol"]}}}}""",
            """{"testCase":{"id":"c","pickleId":"p","testSteps":[{"id":"ts","pickleStepId":"ps","stepDefinitionIds":["d"],"stepMatchArgumentsLists":[{"stepMatchArguments":[{"group":{"value":"1.2"},"parameterTypeName":"FractionalShares"},{"group":{"value":"AAPL"},"parameterTypeName":"Symbol"}]}]}]}}""",
        ]);

        var catalog = StepCatalog.Build(CucumberRun.Read(path));

        var step = catalog.Steps.ShouldHaveSingleItem();
        step.Area.ShouldBe("On chain");
        step.ParameterNames.ShouldBe(["shares", "symbol"]);
        var shares = catalog.ParameterTypes.Single(type => type.Name == "shares");
        shares.ValuesUsed.ShouldBe(["1.2"]);
        shares.Example.ShouldBe("1.2");
        shares.AllowedValues.ShouldStartWith("an optional minus sign, digits");
    }
}
