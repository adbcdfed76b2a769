using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Risk;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Risk;

/// <summary>The in-process commands an operator uses: each refusal names its field and changes nothing.</summary>
[TestFixture]
public sealed class RiskControlsTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 12, 14, 0, 0, TimeSpan.Zero);

    [Test]
    public void Limits_change_for_the_next_decision_and_a_null_keeps_the_one_in_force()
    {
        using var bed = new Bed();

        bed.Controls.SetLimits(500m, null);
        bed.Controls.SetLimits(null, 2000m);

        (bed.Controls.Settings.OrderLimit, bed.Controls.Settings.DailyLimit).ShouldBe((new Usd(500m), new Usd(2000m)));
        bed.Controls.Status().Settings.ShouldBe(bed.Controls.Settings);
    }

    [TestCase(-1, 100, "order_limit_usd")]
    [TestCase(0, 100, "order_limit_usd")]
    [TestCase(100, -1, "daily_limit_usd")]
    [TestCase(100, 0, "daily_limit_usd")]
    public void A_negative_or_zero_limit_is_refused_naming_its_field_and_neither_changes(decimal order, decimal daily, string field)
    {
        using var bed = new Bed();

        var refused = Should.Throw<RiskSettingException>(() => bed.Controls.SetLimits(order, daily));

        refused.Field.ShouldBe(field);
        refused.Message.ShouldStartWith($"\"{field}\" must be more than $0");
        bed.Controls.Settings.ShouldBe(RiskSettings.None);
    }

    [Test]
    public void A_limit_in_text_that_is_not_a_number_is_refused_naming_its_field() =>
        Should.Throw<RiskSettingException>(() => RiskSettings.Limit(RiskSettings.OrderLimitField, "lots")).Message
            .ShouldBe("\"order_limit_usd\" must be a number of dollars, was 'lots'");

    [Test]
    public void An_operator_engages_and_resets_the_kill_switch_and_the_status_shows_it()
    {
        using var bed = new Bed();

        var engaged = bed.Controls.EngageKillSwitch(null, "operator");
        bed.Clock.Advance(TimeSpan.FromMinutes(5));
        var reset = bed.Controls.ResetKillSwitch("operator");

        engaged.KillSwitch.ShouldBe(new KillSwitchState("engaged by an operator", KillSwitchCause.Operator, "operator", Start));
        engaged.RecentAlerts.ShouldBe([new RiskAlert("KillSwitchEngaged", "engaged by an operator", Start)]);
        reset.ShouldBeTrue();
        bed.Controls.Status().KillSwitchEngaged.ShouldBeFalse();
        bed.Controls.ResetKillSwitch("operator").ShouldBeFalse("a kill switch that is not engaged");
    }

    [Test]
    public void An_operator_without_a_name_is_refused() =>
        Should.Throw<RiskSettingException>(() => new Bed().Controls.EngageKillSwitch("maintenance", " ")).Field.ShouldBe("by");

    [Test]
    public void The_dry_run_broker_and_the_main_broker_itself_are_refused_as_fallbacks()
    {
        var clock = new FakeTimeProvider(Start);
        var alpaca = Broker(clock, SupportedExecutor.AlpacaBrokerApi);

        Should.Throw<RiskSettingException>(() => new BrokerRoute(alpaca, Broker(clock, SupportedExecutor.DryRun))).Field.ShouldBe(BrokerRoute.FallbackField);
        Should.Throw<RiskSettingException>(() => new BrokerRoute(alpaca, Broker(clock, SupportedExecutor.AlpacaBrokerApi)))
            .Message.ShouldBe("\"fallback_broker\" cannot be the main broker (Alpaca) itself");
    }

    private static Domain.Execution.IExecutor Broker(TimeProvider clock, SupportedExecutor kind)
    {
        var broker = new MockExecutor(clock);
        broker.WithKind(kind);
        return broker.Executor;
    }

    private sealed class Bed : IDisposable
    {
        public Bed()
        {
            Database = SqliteDatabase.InMemory(Clock);
            Controls = new RiskControls(Database, Clock, RiskSettings.None, new BrokerRoute(new MockExecutor(Clock).Executor));
        }

        public FakeTimeProvider Clock { get; } = new(Start);

        public SqliteDatabase Database { get; }

        public RiskControls Controls { get; }

        public void Dispose() => Database.Dispose();
    }
}
