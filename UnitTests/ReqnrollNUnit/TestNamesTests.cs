using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.ReqnrollNUnit;

namespace TradingBot.Acceptance.UnitTests.ReqnrollNUnit;

[TestFixture]
public sealed class TestNamesTests
{
    [TestCase("Hedging on-chain fills on the broker", "HedgingOn_ChainFillsOnTheBrokerFeature")]
    [TestCase("Symbols are hedged independently", "SymbolsAreHedgedIndependentlyFeature")]
    public void A_feature_is_named_after_its_title(string title, string expected) =>
        TestNames.ForFeature(title).ShouldBe(expected);

    [TestCase("A sell below the threshold is accumulated without hedging", "ASellBelowTheThresholdIsAccumulatedWithoutHedging")]
    [TestCase("The bot's order \"fills\"", "TheBotsOrderFills")]
    [TestCase("0.5 and 0.7 -- add up", "_0_5And0_7_AddUp")]
    [TestCase("tAAPL sells at $100.00!", "TAAPLSellsAt100_00")]
    [TestCase("line one\nline two", "LineOne_LineTwo")]
    [TestCase("<broker> hedges <quantity> AAPL", "BrokerHedgesQuantityAAPL")]
    public void Titles_become_identifiers_by_reqnrolls_rule(string title, string expected) =>
        TestNames.ToIdentifier(title).ShouldBe(expected);
}
