using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.StepDefinitions;

[Binding]
public sealed class PositionSteps(HedgingDriver hedging)
{
    [Given("the execution threshold is {shares} share(s)")]
    public void GivenTheExecutionThresholdIs(FractionalShares shares) => hedging.UseThreshold(shares);

    [Then("the {symbol} position has net {shares} and accumulated short {shares}")]
    public void ThenThePositionHasNetAndAccumulatedShort(Symbol symbol, FractionalShares net, FractionalShares accumulatedShort)
    {
        var position = hedging.Position(symbol);
        (position.Net.Value, position.AccumulatedShort.Value).ShouldBe((net.Value, accumulatedShort.Value), $"{symbol} net and accumulated short");
    }

    [Then("the {symbol} position has net {shares}")]
    public void ThenThePositionHasNet(Symbol symbol, FractionalShares net) =>
        hedging.Position(symbol).Net.Value.ShouldBe(net.Value, $"{symbol} net position");

    [Then("the {symbol} position is flat")]
    public void ThenThePositionIsFlat(Symbol symbol) =>
        hedging.Position(symbol).Net.Value.ShouldBe(0m, $"{symbol} net position");

    [Then("the {symbol} position has accumulated long {shares} and accumulated short {shares}")]
    public void ThenThePositionHasAccumulated(Symbol symbol, FractionalShares accumulatedLong, FractionalShares accumulatedShort)
    {
        var position = hedging.Position(symbol);
        (position.AccumulatedLong.Value, position.AccumulatedShort.Value).ShouldBe((accumulatedLong.Value, accumulatedShort.Value), $"{symbol} accumulated long and short");
    }
}
