using System.Text.Json;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Risk;
using Command = TradingBot.Acceptance.Domain.Risk.RiskControlCommand;
using Error = TradingBot.Acceptance.Domain.Risk.RiskControlError;
using Event = TradingBot.Acceptance.Domain.Risk.RiskControlEvent;

namespace TradingBot.Acceptance.UnitTests.Risk;

[TestFixture]
public sealed class RiskControlDeciderTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 12, 14, 0, 0, TimeSpan.Zero);

    [Test]
    public void Engaging_records_the_reason_the_cause_and_who() =>
        Accepted(RiskControl.Initial, new Command.EngageKillSwitch("engaged by an operator", KillSwitchCause.Operator, "operator"))
            .ShouldBe([new Event.KillSwitchEngaged("engaged by an operator", KillSwitchCause.Operator, "operator", Now)]);

    [Test]
    public void Engaging_an_engaged_kill_switch_changes_nothing() =>
        Accepted(Engaged(), new Command.EngageKillSwitch("5 failed broker orders in a row", KillSwitchCause.FailedOrders, "bot")).ShouldBeEmpty();

    [Test]
    public void A_reset_clears_the_kill_switch_and_remembers_when()
    {
        var events = Accepted(Engaged(), new Command.ResetKillSwitch("operator"));

        events.ShouldBe([new Event.KillSwitchReset("operator", Now)]);
        var state = Fold(Engaged(), events);
        (state.KillSwitchEngaged, state.LastResetAt).ShouldBe((false, Now));
    }

    [Test]
    public void Resetting_a_kill_switch_that_is_not_engaged_is_refused() =>
        Rejected(RiskControl.Initial, new Command.ResetKillSwitch("operator")).ShouldBe(new Error.KillSwitchNotEngaged());

    [Test]
    public void A_blank_reason_or_operator_is_refused_naming_the_field()
    {
        Rejected(RiskControl.Initial, new Command.EngageKillSwitch(" ", KillSwitchCause.Operator, "operator")).ShouldBe(new Error.Blank("reason"));
        Rejected(Engaged(), new Command.ResetKillSwitch("")).ShouldBe(new Error.Blank("by"));
    }

    [Test]
    public void A_slice_must_be_smaller_than_the_hedge_and_more_than_nothing()
    {
        var aapl = new Symbol("AAPL");
        Accepted(RiskControl.Initial, new Command.SliceOrder(aapl, new FractionalShares(12m), new FractionalShares(5m), new Usd(100m), new Usd(500m)))
            .ShouldBe([new Event.OrderSliced(aapl, new FractionalShares(12m), new FractionalShares(5m), new Usd(100m), new Usd(500m), Now)]);
        Rejected(RiskControl.Initial, new Command.SliceOrder(aapl, new FractionalShares(5m), new FractionalShares(5m), new Usd(100m), new Usd(500m)))
            .ShouldBeOfType<Error.NotASlice>();
        Rejected(RiskControl.Initial, new Command.SliceOrder(aapl, new FractionalShares(5m), FractionalShares.Zero, new Usd(100m), new Usd(500m)))
            .ShouldBeOfType<Error.NotASlice>();
    }

    [Test]
    public void A_fallback_starts_once_and_ends_once()
    {
        var start = new Command.StartFallback(SupportedExecutor.AlpacaBrokerApi, SupportedExecutor.Schwab, "Alpaca is down");
        var started = Fold(RiskControl.Initial, Accepted(RiskControl.Initial, start));

        started.Fallback.ShouldBe(new FallbackState(SupportedExecutor.AlpacaBrokerApi, SupportedExecutor.Schwab, "Alpaca is down", Now));
        Accepted(started, start).ShouldBeEmpty();
        Accepted(started, new Command.EndFallback(SupportedExecutor.AlpacaBrokerApi)).ShouldBe([new Event.FallbackEnded(SupportedExecutor.AlpacaBrokerApi, Now)]);
        Accepted(RiskControl.Initial, new Command.EndFallback(SupportedExecutor.AlpacaBrokerApi)).ShouldBeEmpty();
    }

    [Test]
    public void Alerts_keep_the_latest_twenty_newest_last()
    {
        var state = RiskControl.Initial;
        for (var alert = 1; alert <= 25; alert++)
            state = Fold(state, Accepted(state, new Command.RaiseAlert("OrderInDoubt", $"order {alert}")));

        state.RecentAlerts.Count.ShouldBe(RiskControl.AlertsKept);
        (state.RecentAlerts[0].Detail, state.RecentAlerts[^1].Detail).ShouldBe(("order 6", "order 25"));
    }

    [Test]
    public void Every_event_reads_back_as_it_was_written()
    {
        Event[] events =
        [
            new Event.OrderSliced(new Symbol("AAPL"), new FractionalShares(12m), new FractionalShares(5m), new Usd(100m), new Usd(500m), Now),
            new Event.KillSwitchEngaged("daily limit of $1,000 reached", KillSwitchCause.DailyLimit, "bot", Now),
            new Event.KillSwitchReset("operator", Now),
            new Event.FallbackStarted(SupportedExecutor.AlpacaBrokerApi, SupportedExecutor.Schwab, "Alpaca is down", Now),
            new Event.FallbackEnded(SupportedExecutor.AlpacaBrokerApi, Now),
            new Event.AlertRaised("LateFillIgnored", "order 7", Now),
        ];

        foreach (var written in events)
            EventPayload.Read(RiskControlDecider.Kind, EventPayload.Write(RiskControlDecider.Kind, written)).ShouldBe(written);
    }

    [Test]
    public void The_view_shows_the_kill_switch_and_the_fallback()
    {
        var state = Engaged() with { Fallback = new FallbackState(SupportedExecutor.AlpacaBrokerApi, SupportedExecutor.Schwab, "Alpaca is down", Now) };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            RiskControlView.Write(writer, state);
        var view = JsonDocument.Parse(stream.ToArray()).RootElement;

        (view.GetProperty("kill_switch_engaged").GetBoolean(), view.GetProperty("kill_switch_reason").GetString(), view.GetProperty("fallback_to").GetString())
            .ShouldBe((true, "engaged by an operator", "Schwab"));
    }

    private static RiskControl Engaged() =>
        Fold(RiskControl.Initial, [new Event.KillSwitchEngaged("engaged by an operator", KillSwitchCause.Operator, "operator", Now)]);

    private static RiskControl Fold(RiskControl state, IEnumerable<Event> events) => events.Aggregate(state, RiskControlDecider.Evolve);

    private static IReadOnlyList<Event> Accepted(RiskControl state, Command command) =>
        RiskControlDecider.Decide(state, command, Now).ShouldBeOfType<Decision<Event, Error>.Accepted>().Events;

    private static Error Rejected(RiskControl state, Command command) =>
        RiskControlDecider.Decide(state, command, Now).ShouldBeOfType<Decision<Event, Error>.Rejected>().Error;
}
