using System.Text;
using System.Text.Json;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using OrderDecision = TradingBot.Acceptance.Domain.EventSourcing.Decision<
    TradingBot.Acceptance.Domain.OffchainOrders.OffchainOrderEvent,
    TradingBot.Acceptance.Domain.OffchainOrders.OffchainOrderError>;

namespace TradingBot.Acceptance.UnitTests.OffchainOrders;

/// <summary>Each rule of an order in doubt (docs/domain.md §13) as the order decides it.</summary>
[TestFixture]
public sealed class OrderInDoubtDeciderTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly OffchainOrderAggregate Aggregate = new();
    private static readonly ExecutionId Id = new(7);
    private static readonly BrokerOrderId Broker = new("TEST_1");
    private static readonly OffchainOrderEvent.Placed Placed = new(
        new Symbol("AAPL"), new FractionalShares(1.2m), Direction.Buy, SupportedExecutor.DryRun,
        new ClientOrderId(Guid.Parse("6f1c3a52-0c1e-4a8e-9d2b-3f4e5a6b7c8d")), Now.AddMinutes(-20));
    private static readonly OffchainOrderEvent.Submitted Submitted = new(Broker, Now.AddMinutes(-20));
    private static readonly OffchainOrderEvent.CancelRequested Requested = new(OrderDoubt.CancelReason, Now.AddMinutes(-5));

    [Test]
    public void A_cancel_is_requested_once_for_an_acknowledged_order()
    {
        Accepted(Given(Placed, Submitted), new OffchainOrderCommand.RequestCancel(OrderDoubt.CancelReason))
            .ShouldBe([new OffchainOrderEvent.CancelRequested(OrderDoubt.CancelReason, Now)]);
        var inDoubt = Given(Placed, Submitted, Requested);
        inDoubt.IsInDoubt.ShouldBeTrue("in doubt after its cancel request");
        inDoubt.Status.ShouldBe("Submitted", "an order in doubt is still open at the broker");
        Accepted(inDoubt, new OffchainOrderCommand.RequestCancel(OrderDoubt.CancelReason)).ShouldBeEmpty("events of a cancel requested again");
    }

    [Test]
    public void A_partly_filled_order_can_be_put_in_doubt_and_stays_so_after_another_partial_fill()
    {
        var partial = Given(Placed, Submitted, new OffchainOrderEvent.PartiallyFilled(new FractionalShares(0.2m), new Usd(100m), Now), Requested);

        partial.CancelRequested.ShouldBe(new CancelRequest(OrderDoubt.CancelReason, Requested.RequestedAt));
        Aggregate.Evolve(partial, new OffchainOrderEvent.PartiallyFilled(new FractionalShares(0.4m), new Usd(100m), Now)).IsInDoubt
            .ShouldBeTrue("in doubt after a later partial fill");
    }

    [Test]
    public void Only_an_acknowledged_open_order_can_be_canceled()
    {
        Rejected(Given(Placed), new OffchainOrderCommand.RequestCancel(OrderDoubt.CancelReason)).ShouldBe(new OffchainOrderError.NotSubmitted());
        Rejected(Given(Placed, Submitted, new OffchainOrderEvent.Filled(new Usd(100m), Now)), new OffchainOrderCommand.RequestCancel(OrderDoubt.CancelReason))
            .ShouldBe(new OffchainOrderError.AlreadyCompleted());
        Rejected(null, new OffchainOrderCommand.RequestCancel(OrderDoubt.CancelReason)).ShouldBe(new OffchainOrderError.NotPlaced());
    }

    [Test]
    public void An_order_in_doubt_that_filled_before_the_cancel_is_filled_as_usual()
    {
        var filled = Aggregate.Evolve(Given(Placed, Submitted, Requested), Accepted(Given(Placed, Submitted, Requested), new OffchainOrderCommand.CompleteFill(new Usd(100m))).ShouldHaveSingleItem());

        filled.ShouldBeOfType<OffchainOrder.Filled>().BrokerOrderId.ShouldBe(Broker);
    }

    [Test]
    public void Canceled_with_nothing_filled_fails_the_order_with_the_cancel_reason()
    {
        var inDoubt = Given(Placed, Submitted, Requested);

        var events = Accepted(inDoubt, new OffchainOrderCommand.ConfirmCancel(new FractionalShares(0m), null));

        events.ShouldBe([new OffchainOrderEvent.Failed(OrderDoubt.CanceledReason, Now)]);
        Aggregate.Evolve(inDoubt, events[0]).ShouldBeOfType<OffchainOrder.Failed>().BrokerOrderId.ShouldBe(Broker);
    }

    [Test]
    public void Canceled_after_a_partial_fill_ends_the_order_with_what_filled()
    {
        var inDoubt = Given(Placed, Submitted, Requested);

        var events = Accepted(inDoubt, new OffchainOrderCommand.ConfirmCancel(new FractionalShares(0.2m), new Usd(100m)));

        events.ShouldBe([new OffchainOrderEvent.CanceledAfterPartialFill(new FractionalShares(0.2m), new Usd(100m), Now)]);
        var ended = Aggregate.Evolve(inDoubt, events[0]);
        ended.ShouldBe(new OffchainOrder.CanceledAfterPartialFill(inDoubt.Terms, Broker, new FractionalShares(0.2m), new Usd(100m), Now));
        ended.IsTerminal.ShouldBeTrue("a canceled order is terminal");
        Rejected(ended, new OffchainOrderCommand.MarkFailed("again")).ShouldBe(new OffchainOrderError.AlreadyCompleted());
    }

    [TestCase(1.2, TestName = "A cancel confirmed for all the shares is not a partial fill")]
    [TestCase(-0.1, TestName = "A cancel confirmed for fewer than no shares is refused")]
    public void A_cancel_confirmed_for_impossible_shares_is_refused(decimal shares) =>
        Rejected(Given(Placed, Submitted, Requested), new OffchainOrderCommand.ConfirmCancel(new FractionalShares(shares), new Usd(100m)))
            .ShouldBe(new OffchainOrderError.InvalidPartialFill(new FractionalShares(shares), new FractionalShares(1.2m)));

    [Test]
    public void A_cancel_is_confirmed_only_after_it_was_requested()
    {
        Rejected(Given(Placed, Submitted), new OffchainOrderCommand.ConfirmCancel(new FractionalShares(0m), null)).ShouldBe(new OffchainOrderError.NoCancelRequested());
        Rejected(Given(Placed), new OffchainOrderCommand.ConfirmCancel(new FractionalShares(0m), null)).ShouldBe(new OffchainOrderError.NotSubmitted());
    }

    [Test]
    public void The_alert_is_raised_once_an_hour_after_the_cancel_request()
    {
        var requested = new OffchainOrderEvent.CancelRequested(OrderDoubt.CancelReason, Now - OrderDoubt.AlertAfter + TimeSpan.FromSeconds(1));
        Accepted(Given(Placed, Submitted, requested), new OffchainOrderCommand.RaiseDoubtAlert(Id)).ShouldBeEmpty("alerts a second before the hour");

        var hourOld = new OffchainOrderEvent.CancelRequested(OrderDoubt.CancelReason, Now - OrderDoubt.AlertAfter);
        var inDoubt = Given(Placed, Submitted, hourOld);
        var alert = Accepted(inDoubt, new OffchainOrderCommand.RaiseDoubtAlert(Id));
        alert.ShouldBe([new OffchainOrderEvent.OrderInDoubt(Id, hourOld.RequestedAt)]);

        var alerted = Aggregate.Evolve(inDoubt, alert[0]);
        alerted.IsInDoubt.ShouldBeTrue("still in doubt after the alert");
        Accepted(alerted, new OffchainOrderCommand.RaiseDoubtAlert(Id)).ShouldBeEmpty("alerts raised a second time");
        Rejected(Given(Placed, Submitted), new OffchainOrderCommand.RaiseDoubtAlert(Id)).ShouldBe(new OffchainOrderError.NoCancelRequested());
    }

    [Test]
    public void A_late_fill_of_an_order_failed_before_it_was_acknowledged_is_credited_once()
    {
        var stale = Given(Placed, new OffchainOrderEvent.Failed("stale execution: timed out", Now.AddMinutes(-1)));
        var late = new OffchainOrderCommand.RecordLateFill(new BrokerOrderId("TEST_9"), new FractionalShares(1.2m), new Usd(101m));

        var events = Accepted(stale, late);

        events.ShouldBe([new OffchainOrderEvent.LateFillRecorded(new BrokerOrderId("TEST_9"), new FractionalShares(1.2m), new Usd(101m), Now)]);
        var credited = Aggregate.Evolve(stale, events[0]).ShouldBeOfType<OffchainOrder.Failed>();
        credited.LateFill.ShouldBe(new LateFill(new BrokerOrderId("TEST_9"), new FractionalShares(1.2m), new Usd(101m), Now));
        Rejected(credited, late).ShouldBe(new OffchainOrderError.NotALateFill("Failed"));
    }

    [Test]
    public void Only_a_failed_order_never_acknowledged_takes_a_late_fill_of_at_most_its_shares()
    {
        var late = new OffchainOrderCommand.RecordLateFill(Broker, new FractionalShares(1.2m), new Usd(100m));

        Rejected(Given(Placed, Submitted, new OffchainOrderEvent.Failed("rejected", Now)), late).ShouldBe(new OffchainOrderError.NotALateFill("Failed"));
        Rejected(Given(Placed, Submitted), late).ShouldBe(new OffchainOrderError.NotALateFill("Submitted"));
        Rejected(Given(Placed, new OffchainOrderEvent.Failed("stale", Now)), late with { SharesFilled = new FractionalShares(1.3m) })
            .ShouldBe(new OffchainOrderError.NotALateFill("Failed"));
    }

    [Test]
    public void The_events_of_an_order_in_doubt_are_stored_and_read_back()
    {
        OffchainOrderEvent[] events =
        [
            Requested,
            new OffchainOrderEvent.CanceledAfterPartialFill(new FractionalShares(0.2m), new Usd(100.5m), Now),
            new OffchainOrderEvent.OrderInDoubt(Id, Now.AddMinutes(-60)),
            new OffchainOrderEvent.LateFillRecorded(Broker, new FractionalShares(1.2m), new Usd(99m), Now),
        ];

        foreach (var domainEvent in events)
            Aggregate.ReadEvent(Aggregate.EventName(domainEvent), RoundTrip(domainEvent)).ShouldBe(domainEvent);
    }

    private static JsonElement RoundTrip(OffchainOrderEvent domainEvent)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Aggregate.WriteEvent(writer, domainEvent);
        return JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray())).RootElement.Clone();
    }

    private static OffchainOrder Given(params OffchainOrderEvent[] events) =>
        events.Aggregate((OffchainOrder?)null, (state, domainEvent) => Aggregate.Evolve(state, domainEvent))!;

    private static IReadOnlyList<OffchainOrderEvent> Accepted(OffchainOrder? order, OffchainOrderCommand command) =>
        OffchainOrderDecider.Decide(order, command, Now).ShouldBeOfType<OrderDecision.Accepted>().Events;

    private static OffchainOrderError Rejected(OffchainOrder? order, OffchainOrderCommand command) =>
        OffchainOrderDecider.Decide(order, command, Now).ShouldBeOfType<OrderDecision.Rejected>().Error;
}
