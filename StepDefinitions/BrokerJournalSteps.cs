using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Drivers;
using TradingBot.Acceptance.Support.Parameters;

namespace TradingBot.Acceptance.StepDefinitions;

[Binding]
public sealed class BrokerJournalSteps(BrokerJournalDriver journal)
{
    [Then("the broker received one order, to {side} {shares} {symbol}")]
    public void ThenTheBrokerReceivedOneOrder(Direction side, FractionalShares shares, Symbol symbol) =>
        journal.ReceivedOrders().ShouldBe([new BrokerOrder(side, shares, symbol)], "orders the broker received: side, shares, symbol");

    [Then("the broker received no order")]
    public void ThenTheBrokerReceivedNoOrder() =>
        journal.ReceivedOrders().ShouldBeEmpty("orders the broker received: side, shares, symbol");

    [Then("the broker received these orders, in any order:")]
    public void ThenTheBrokerReceivedTheseOrders(DataTable orders) =>
        journal.ReceivedOrders().ShouldBe(Orders(orders), ignoreOrder: true, "orders the broker received: side, shares, symbol");

    [Then("no order reached the broker twice")]
    public void ThenNoOrderReachedTheBrokerTwice() =>
        journal.OrdersReceivedTwice().ShouldBeEmpty("client order ids the broker received more than once");

    [Then("the bot signed in to Schwab {int} time(s)")]
    public void ThenTheBotSignedInToSchwab(int times) =>
        journal.SchwabSignIns().ShouldBe(times, "token grants Schwab's OAuth endpoint received");

    /// <summary>A table of broker orders (columns side, shares, symbol), row by row.</summary>
    internal static List<BrokerOrder> Orders(DataTable orders) =>
        [.. orders.Rows.Select(row => new BrokerOrder(FinanceParameters.ToSide(row["side"]), FinanceParameters.ToShares(row["shares"]), FinanceParameters.ToSymbol(row["symbol"])))];
}
