using System.Text;
using System.Text.Json;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.UnitTests.OffchainOrders;

/// <summary>A partly filled broker order as it is stored: its event and its view keep the shares filled and their average price.</summary>
[TestFixture]
public sealed class OffchainOrderCodecTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly OffchainOrderAggregate Aggregate = new();

    [Test]
    public void A_partial_fill_round_trips_through_its_stored_payload()
    {
        var partial = new OffchainOrderEvent.PartiallyFilled(new FractionalShares(0.5m), new Usd(99.5m), Now);

        var payload = EventPayload.Write(Aggregate, partial);

        payload.ShouldStartWith("{\"PartiallyFilled\":{\"shares_filled\":");
        EventPayload.Read(Aggregate, payload).ShouldBe(partial);
    }

    [Test]
    public void The_view_of_a_partly_filled_order_shows_the_shares_filled_and_their_average_price()
    {
        var order = new OffchainOrder.PartiallyFilled(
            new OrderTerms(new Symbol("AAPL"), new FractionalShares(1.2m), Direction.Buy, SupportedExecutor.DryRun, new ClientOrderId(Guid.Empty), Now),
            new BrokerOrderId("TEST_1"), new FractionalShares(0.5m), new Usd(99.5m), Now);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Aggregate.WriteView(writer, order);

        var view = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray())).RootElement.GetProperty("PartiallyFilled");
        (view.GetProperty("broker_order_id").GetString(), view.GetProperty("shares_filled").GetString(), view.GetProperty("avg_price").GetString())
            .ShouldBe(("TEST_1", "0.5", "99.5"));
    }
}
