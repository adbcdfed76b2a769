using System.Net;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hosting.OperatorSurface;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.UnitTests.OperatorSurface;

/// <summary>Each command of the operator API over HTTP with the token: what it answers and what it records on the controls.</summary>
[TestFixture]
public sealed class OperatorApiCommandTests
{
    private OperatorApiBed bed = null!;

    [SetUp]
    public async Task StartAsync() => bed = await OperatorApiBed.StartAsync();

    [TearDown]
    public async Task StopAsync() => await bed.DisposeAsync();

    [Test]
    public async Task Status_shows_the_kill_switch_the_brokers_the_limits_the_positions_and_the_alerts()
    {
        var status = await bed.SendAsync(HttpMethod.Get, "/status");

        status.Status.ShouldBe(HttpStatusCode.OK, status.Body);
        var json = status.Json;
        json.GetProperty("kill_switch").GetProperty("engaged").GetBoolean().ShouldBeFalse();
        var fallback = json.GetProperty("fallback");
        (fallback.GetProperty("active").GetBoolean(), fallback.GetProperty("main_broker").GetString(), fallback.GetProperty("active_broker").GetString())
            .ShouldBe((false, "DryRun", "DryRun"));
        var limits = json.GetProperty("limits");
        limits.GetProperty("order_limit_usd").GetDecimal().ShouldBe(1_000_000m);
        limits.GetProperty("daily_limit_usd").GetDecimal().ShouldBe(50_000_000m);
        limits.GetProperty("kill_switch_after_failures").GetInt32().ShouldBe(5);
        json.GetProperty("positions").GetArrayLength().ShouldBe(0);
        json.GetProperty("alerts").GetArrayLength().ShouldBe(0);
        json.GetProperty("orders_in_doubt").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task Status_lists_the_orders_in_doubt_with_their_symbol_and_since_when()
    {
        await bed.SellOnChainAsync("tAAPL", 1.2m);
        bed.Broker.WithStatusUnanswered();
        bed.Clock.Advance(TimeSpan.FromMinutes(11));
        await bed.Bot.Conductor.CheckAndExecuteAccumulatedPositionsAsync(CancellationToken.None);
        var cancelRequested = bed.Now;
        bed.Clock.Advance(TimeSpan.FromMinutes(1));

        var inDoubt = (await bed.SendAsync(HttpMethod.Get, "/status")).Json.GetProperty("orders_in_doubt");

        inDoubt.GetArrayLength().ShouldBe(1, "orders in doubt");
        (inDoubt[0].GetProperty("execution_id").GetString(), inDoubt[0].GetProperty("symbol").GetString(), inDoubt[0].GetProperty("since").GetDateTimeOffset())
            .ShouldBe(("1", "AAPL", cancelRequested));
    }

    [Test]
    public async Task Status_lists_every_position_with_its_net()
    {
        await bed.SellOnChainAsync("tAAPL", 0.4m);

        var positions = (await bed.SendAsync(HttpMethod.Get, "/status")).Json.GetProperty("positions");

        positions.GetArrayLength().ShouldBe(1);
        (positions[0].GetProperty("symbol").GetString(), positions[0].GetProperty("net").GetDecimal()).ShouldBe(("AAPL", -0.4m));
    }

    [Test]
    public async Task Posting_a_reason_engages_the_kill_switch_with_it_as_an_operator()
    {
        var engaged = await bed.SendAsync(HttpMethod.Post, "/kill-switch", """{ "reason": "broker statement does not match" }""");

        engaged.Status.ShouldBe(HttpStatusCode.OK, engaged.Body);
        var killSwitch = engaged.Json.GetProperty("kill_switch");
        (killSwitch.GetProperty("engaged").GetBoolean(), killSwitch.GetProperty("reason").GetString(), killSwitch.GetProperty("by").GetString())
            .ShouldBe((true, "broker statement does not match", OperatorApi.By));
        bed.Risk.Status().KillSwitch.ShouldBe(new KillSwitchState("broker statement does not match", KillSwitchCause.Operator, OperatorApi.By, bed.Now));
        bed.RiskEvents.ShouldHaveSingleItem().ShouldStartWith("KillSwitchEngaged");
        (await bed.SendAsync(HttpMethod.Get, "/status")).Json.GetProperty("alerts").GetArrayLength().ShouldBe(1, "the engagement is an alert");
    }

    [Test]
    public async Task Engaging_an_engaged_kill_switch_keeps_its_first_reason_and_records_nothing_more()
    {
        await bed.SendAsync(HttpMethod.Post, "/kill-switch", """{ "reason": "first" }""");

        var again = await bed.SendAsync(HttpMethod.Post, "/kill-switch", """{ "reason": "second" }""");

        again.Status.ShouldBe(HttpStatusCode.OK, again.Body);
        again.Json.GetProperty("kill_switch").GetProperty("reason").GetString().ShouldBe("first");
        bed.RiskEvents.Count.ShouldBe(1, "control decisions recorded");
    }

    [Test]
    public async Task Deleting_the_kill_switch_resets_it_as_an_operator()
    {
        await bed.SendAsync(HttpMethod.Post, "/kill-switch", """{ "reason": "checking the broker" }""");

        var reset = await bed.SendAsync(HttpMethod.Delete, "/kill-switch");

        reset.Status.ShouldBe(HttpStatusCode.OK, reset.Body);
        reset.Json.GetProperty("kill_switch").GetProperty("engaged").GetBoolean().ShouldBeFalse();
        bed.Risk.Status().KillSwitchEngaged.ShouldBeFalse();
        bed.RiskEvents[^1].ShouldStartWith("KillSwitchReset");
        bed.RiskEvents[^1].ShouldContain(OperatorApi.By);
    }

    [Test]
    public async Task Resetting_a_kill_switch_that_is_not_engaged_is_a_conflict_and_records_nothing()
    {
        var reset = await bed.SendAsync(HttpMethod.Delete, "/kill-switch");

        (reset.Status, reset.Error).ShouldBe((HttpStatusCode.Conflict, OperatorApi.NotEngaged));
        bed.RiskEvents.ShouldBeEmpty();
    }

    [Test]
    public async Task Putting_one_limit_changes_it_and_keeps_the_other()
    {
        var set = await bed.SendAsync(HttpMethod.Put, "/limits", """{ "order_limit_usd": 500 }""");

        set.Status.ShouldBe(HttpStatusCode.OK, set.Body);
        var limits = set.Json.GetProperty("limits");
        (limits.GetProperty("order_limit_usd").GetDecimal(), limits.GetProperty("daily_limit_usd").GetDecimal()).ShouldBe((500m, 50_000_000m));
        (bed.Risk.Settings.OrderLimit, bed.Risk.Settings.DailyLimit).ShouldBe((new Usd(500m), new Usd(50_000_000m)));
    }

    [Test]
    public async Task Putting_both_limits_changes_both()
    {
        var set = await bed.SendAsync(HttpMethod.Put, "/limits", """{ "order_limit_usd": 2500.50, "daily_limit_usd": 100000 }""");

        set.Status.ShouldBe(HttpStatusCode.OK, set.Body);
        (bed.Risk.Settings.OrderLimit, bed.Risk.Settings.DailyLimit).ShouldBe((new Usd(2500.50m), new Usd(100_000m)));
    }

    [Test]
    public async Task A_path_the_api_does_not_have_is_not_found_once_the_token_is_right() =>
        (await bed.SendAsync(HttpMethod.Get, "/orders")).Status.ShouldBe(HttpStatusCode.NotFound);
}
