using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.StepDefinitions;

[Binding]
public sealed class EventLogSteps(EventLogDriver eventLog)
{
    [Then("the event log reads:")]
    public void ThenTheEventLogReads(DataTable expected) =>
        eventLog.Entries().ShouldBe(expected.Rows.Select(row => $"{row["aggregate"]} {row["event"]}").ToList(), "the event log in the order it was recorded");

    [Then("the event log has {int} {word} {word} event(s)")]
    public void ThenTheEventLogHasEvents(int count, string aggregate, string eventName) =>
        eventLog.Count(aggregate, eventName).ShouldBe(count, $"{aggregate} {eventName} events");

    [Then("only {symbol} has {word} events")]
    public void ThenOnlyHasEvents(Symbol symbol, string positionEvent) =>
        eventLog.SymbolsWith(positionEvent).ShouldBe([symbol], $"the positions with {positionEvent} events");

    [Then("no event of {symbol} mentions {symbol} and no event of {symbol} mentions {symbol}")]
    public void ThenNoEventMentionsTheOtherSymbol(Symbol first, Symbol second, Symbol third, Symbol fourth) =>
        eventLog.EventsOfMentioning(first, second).Concat(eventLog.EventsOfMentioning(third, fourth))
            .ShouldBeEmpty($"events of {first} that mention {second}, and of {third} that mention {fourth}");
}
