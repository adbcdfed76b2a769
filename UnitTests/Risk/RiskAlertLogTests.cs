using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Risk;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.Hosting;

namespace TradingBot.Acceptance.UnitTests.Risk;

/// <summary>The control decisions that are alerts go to the bot's log as warnings with their event; the others do not.</summary>
[TestFixture]
public sealed class RiskAlertLogTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 12, 14, 0, 0, TimeSpan.Zero);

    [Test]
    public void An_engaged_kill_switch_is_logged_once_as_a_warning_and_its_reset_is_not_an_alert()
    {
        using var bed = new Bed();

        bed.Controls.EngageKillSwitch("broker statement does not match", "operator");
        bed.Controls.EngageKillSwitch("again", "operator");
        bed.Controls.ResetKillSwitch("operator");

        bed.Log.Lines.ShouldBe(["Warning: KillSwitchEngaged: no new broker order until an operator resets it, engaged by operator because broker statement does not match"]);
    }

    [Test]
    public void A_fallback_started_is_logged_as_a_warning_and_its_end_is_not_an_alert()
    {
        using var bed = new Bed();

        bed.Controls.OnCheckerTick(new BrokerRoute.Choice(bed.Fallback, OnFallback: true, "Alpaca is down"));
        bed.Controls.OnCheckerTick(new BrokerRoute.Choice(bed.Fallback, OnFallback: true, "Alpaca is down"));
        bed.Controls.OnCheckerTick(new BrokerRoute.Choice(bed.Main, OnFallback: false, "Alpaca is up"));

        bed.Log.Lines.ShouldBe(["Warning: FallbackStarted: new hedges go to Schwab while Alpaca is down (Alpaca is down)"]);
    }

    [Test]
    public void A_raised_alert_is_logged_as_a_warning_with_its_name_and_detail()
    {
        using var bed = new Bed();

        bed.Controls.RaiseAlert("OrderInDoubt", "order 7 (AAPL) is still in doubt");

        bed.Log.Lines.ShouldBe(["Warning: AlertRaised OrderInDoubt: order 7 (AAPL) is still in doubt"]);
    }

    private sealed class Bed : IDisposable
    {
        public Bed()
        {
            Database = SqliteDatabase.InMemory(Clock);
            Main = Broker(SupportedExecutor.AlpacaBrokerApi);
            Fallback = Broker(SupportedExecutor.Schwab);
            Controls = new RiskControls(Database, Clock, RiskSettings.None, new BrokerRoute(Main, Fallback)) { Logger = Log };
        }

        public FakeTimeProvider Clock { get; } = new(Start);

        public SqliteDatabase Database { get; }

        public IExecutor Main { get; }

        public IExecutor Fallback { get; }

        public RiskControls Controls { get; }

        public BotLogRecorder Log { get; } = new();

        public void Dispose() => Database.Dispose();

        private IExecutor Broker(SupportedExecutor kind)
        {
            var broker = new MockExecutor(Clock);
            broker.WithKind(kind);
            return broker.Executor;
        }
    }
}
