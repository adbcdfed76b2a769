using System.Globalization;
using Shouldly;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.UnitTests.Processes;

/// <summary>
/// The end of a run of bot processes checked against the fills the test reported and the broker's journal: every
/// fill recorded once, every broker order tracked and filled, unique client order ids, the shares bought per symbol
/// equal to those sold on-chain (one order per exposure), every position flat.
/// </summary>
public static class HedgeLedger
{
    public static void CheckEveryFillHedgedOnce(ProcessWorld world, ProcessWorld.Snapshot end, IReadOnlyList<(string TxHash, string Token, decimal Shares)> fills)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(end);
        ArgumentNullException.ThrowIfNull(fills);
        var journal = world.Journal();
        var trades = end.Events.Where(recorded => recorded.EventType == "OnChainTradeEvent::Filled").Select(recorded => recorded.AggregateId).ToList();
        trades.Select(trade => trade[..trade.IndexOf(':', StringComparison.Ordinal)]).ShouldBe(fills.Select(fill => fill.TxHash), ignoreOrder: true, "every fill recorded as a trade exactly once");
        end.Events.Count(recorded => recorded.EventType == "PositionEvent::OnChainOrderFilled").ShouldBe(fills.Count, "fills applied to positions");
        var filled = end.Orders.Where(order => order.Order is OffchainOrder.Filled).ToDictionary(order => order.Order.Terms.ClientOrderId.ToString());
        journal.Select(order => order.ClientOrderId).ShouldBeUnique("client order ids in the broker's journal");
        foreach (var order in journal)
            filled.ShouldContainKey(order.ClientOrderId, $"the broker's order {order.ClientOrderId} ({order.Symbol} {order.Qty}) is tracked by the bot and filled");
        foreach (var token in fills.Select(fill => fill.Token).Distinct())
        {
            var symbol = token[1..];
            var sold = fills.Where(fill => fill.Token == token).Sum(fill => fill.Shares);
            journal.Where(order => order.Symbol == symbol).Sum(order => decimal.Parse(order.Qty, CultureInfo.InvariantCulture))
                .ShouldBe(sold, $"{symbol}: shares the broker was asked to buy, against {sold} sold on-chain (one order per exposure)");
        }

        end.Positions.ShouldAllBe(position => position.Net.Value == 0m, "every position flat");
    }

    /// <summary>Orders in the broker's journal beyond one per client order id.</summary>
    public static int Duplicates(ProcessWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var journal = world.Journal();
        return journal.Count - journal.Select(order => order.ClientOrderId).Distinct().Count();
    }
}
