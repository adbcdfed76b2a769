using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using OrderDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.OffchainOrders.OffchainOrderEvent,
    TradingBot.Acceptance.Domain.OffchainOrders.OffchainOrderError>;

namespace TradingBot.Acceptance.UnitTests.OffchainOrders;

[TestFixture]
public sealed class OffchainOrderDeciderTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly OffchainOrderAggregate Aggregate = new();
    private static readonly ClientOrderId Client = new(Guid.Parse("6f1c3a52-0c1e-4a8e-9d2b-3f4e5a6b7c8d"));
    private static readonly OffchainOrderEvent.Placed Placed =
        new(new Symbol("AAPL"), new FractionalShares(1.2m), Direction.Buy, SupportedExecutor.DryRun, Client, Now.AddMinutes(-1));
    private static readonly OffchainOrderEvent.Submitted Submitted = new(new BrokerOrderId("TEST_1"), Now.AddMinutes(-1));

    [Test]
    public void Place_records_the_terms_with_the_client_order_id()
    {
        var place = new OffchainOrderCommand.Place(new Symbol("AAPL"), new FractionalShares(1.2m), Direction.Buy, SupportedExecutor.DryRun, Client);

        Accepted(null, place).ShouldBe([Placed with { PlacedAt = Now }]);
        Rejected(Given(Placed), place).ShouldBe(new OffchainOrderError.AlreadyPlaced());
    }

    [Test]
    public void Confirming_a_submission_is_idempotent_for_the_same_broker_id()
    {
        var pending = Given(Placed);
        var submitted = Given(Placed, Submitted);

        Accepted(pending, new OffchainOrderCommand.ConfirmSubmission(new BrokerOrderId("TEST_1")))
            .ShouldBe([new OffchainOrderEvent.Submitted(new BrokerOrderId("TEST_1"), Now)]);
        Accepted(submitted, new OffchainOrderCommand.ConfirmSubmission(new BrokerOrderId("TEST_1"))).ShouldBeEmpty("events of a repeated confirmation");
        Rejected(submitted, new OffchainOrderCommand.ConfirmSubmission(new BrokerOrderId("TEST_9")))
            .ShouldBe(new OffchainOrderError.ConflictingBrokerOrderId(new BrokerOrderId("TEST_1"), new BrokerOrderId("TEST_9")));
        Rejected(Given(Placed, Submitted, new OffchainOrderEvent.Filled(new Usd(100m), Now)), new OffchainOrderCommand.ConfirmSubmission(new BrokerOrderId("TEST_1")))
            .ShouldBe(new OffchainOrderError.AlreadySubmitted());
    }

    [Test]
    public void A_pending_order_cannot_be_filled_but_can_fail()
    {
        var pending = Given(Placed);

        Rejected(pending, new OffchainOrderCommand.CompleteFill(new Usd(100m))).ShouldBe(new OffchainOrderError.NotSubmitted());
        Rejected(pending, new OffchainOrderCommand.UpdatePartialFill(new FractionalShares(0.5m), new Usd(100m))).ShouldBe(new OffchainOrderError.NotSubmitted());
        Accepted(pending, new OffchainOrderCommand.MarkFailed("Broker unavailable")).ShouldBe([new OffchainOrderEvent.Failed("Broker unavailable", Now)]);
    }

    [Test]
    public void A_submitted_order_goes_through_a_partial_fill_to_filled()
    {
        var partial = Given(Placed, Submitted, new OffchainOrderEvent.PartiallyFilled(new FractionalShares(0.5m), new Usd(99.5m), Now));

        partial.ShouldBe(new OffchainOrder.PartiallyFilled(Aggregate.Evolve(null, Placed).Terms, new BrokerOrderId("TEST_1"), new FractionalShares(0.5m), new Usd(99.5m), Now));
        var filled = Aggregate.Evolve(partial, Accepted(partial, new OffchainOrderCommand.CompleteFill(new Usd(100.00m))).ShouldHaveSingleItem());
        filled.ShouldBeOfType<OffchainOrder.Filled>().Price.ShouldBe(new Usd(100.00m), "fill price");
        filled.Status.ShouldBe("Filled", "status");
    }

    [TestCase("Filled")]
    [TestCase("Failed")]
    public void A_terminal_order_refuses_every_change(string terminal)
    {
        var order = terminal == "Filled"
            ? Given(Placed, Submitted, new OffchainOrderEvent.Filled(new Usd(100m), Now))
            : Given(Placed, new OffchainOrderEvent.Failed("boom", Now));

        Rejected(order, new OffchainOrderCommand.CompleteFill(new Usd(100m))).ShouldBe(new OffchainOrderError.AlreadyCompleted());
        Rejected(order, new OffchainOrderCommand.MarkFailed("again")).ShouldBe(new OffchainOrderError.AlreadyCompleted());
        Rejected(order, new OffchainOrderCommand.UpdatePartialFill(new FractionalShares(1m), new Usd(1m))).ShouldBe(new OffchainOrderError.AlreadyCompleted());
    }

    [Test]
    public void Commands_on_an_order_never_placed_are_refused() =>
        Rejected(null, new OffchainOrderCommand.MarkFailed("boom")).ShouldBe(new OffchainOrderError.NotPlaced());

    private static OffchainOrder Given(params OffchainOrderEvent[] events) =>
        events.Aggregate((OffchainOrder?)null, (state, domainEvent) => Aggregate.Evolve(state, domainEvent))!;

    private static IReadOnlyList<OffchainOrderEvent> Accepted(OffchainOrder? order, OffchainOrderCommand command) =>
        OffchainOrderDecider.Decide(order, command, Now).ShouldBeOfType<OrderDecision.Accepted>().Events;

    private static OffchainOrderError Rejected(OffchainOrder? order, OffchainOrderCommand command) =>
        OffchainOrderDecider.Decide(order, command, Now).ShouldBeOfType<OrderDecision.Rejected>().Error;
}
