using System.Net;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

namespace TradingBot.Acceptance.UnitTests.OperatorSurface;

/// <summary>Each command of the operator API over HTTP with the token: what it answers and what it changes.</summary>
[TestFixture]
public sealed class OperatorApiCommandTests
{
    private OperatorApiBed bed = null!;

    [SetUp]
    public async Task StartAsync() => bed = await OperatorApiBed.StartAsync((_, clock) => new InMemoryControls(clock));

    [TearDown]
    public async Task StopAsync() => await bed.DisposeAsync();

    [Test]
    public async Task Status_shows_the_kill_switch_the_fallback_the_limits_the_positions_and_the_alerts()
    {
        var status = await bed.SendAsync(HttpMethod.Get, "/status");

        status.Status.ShouldBe(HttpStatusCode.OK, status.Body);
        var json = status.Json;
        json.GetProperty("kill_switch").GetProperty("engaged").GetBoolean().ShouldBeFalse();
        json.GetProperty("fallback").GetProperty("active").GetBoolean().ShouldBeFalse();
        json.GetProperty("limits").GetProperty("order_limit_usd").GetDecimal().ShouldBe(1_000_000m);
        json.GetProperty("limits").GetProperty("daily_limit_usd").GetDecimal().ShouldBe(50_000_000m);
        json.GetProperty("positions").GetArrayLength().ShouldBe(0);
        json.GetProperty("alerts").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task Posting_a_reason_engages_the_kill_switch_with_it()
    {
        var engaged = await bed.SendAsync(HttpMethod.Post, "/kill-switch", """{ "reason": "broker statement does not match" }""");

        engaged.Status.ShouldBe(HttpStatusCode.OK, engaged.Body);
        var killSwitch = engaged.Json.GetProperty("kill_switch");
        killSwitch.GetProperty("engaged").GetBoolean().ShouldBeTrue();
        killSwitch.GetProperty("reason").GetString().ShouldBe("broker statement does not match");
        (await bed.SendAsync(HttpMethod.Get, "/status")).Json.GetProperty("kill_switch").GetProperty("engaged").GetBoolean().ShouldBeTrue();
    }

    [Test]
    public async Task Deleting_the_kill_switch_resets_it_as_an_operator()
    {
        await bed.SendAsync(HttpMethod.Post, "/kill-switch", """{ "reason": "checking the broker" }""");

        var reset = await bed.SendAsync(HttpMethod.Delete, "/kill-switch");

        reset.Status.ShouldBe(HttpStatusCode.OK, reset.Body);
        reset.Json.GetProperty("kill_switch").GetProperty("engaged").GetBoolean().ShouldBeFalse();
        ((InMemoryControls)bed.Console).ResetBy.ShouldBe(OperatorApi.ResetBy);
    }

    [Test]
    public async Task Putting_one_limit_changes_it_and_keeps_the_other()
    {
        var set = await bed.SendAsync(HttpMethod.Put, "/limits", """{ "order_limit_usd": 500 }""");

        set.Status.ShouldBe(HttpStatusCode.OK, set.Body);
        var limits = set.Json.GetProperty("limits");
        (limits.GetProperty("order_limit_usd").GetDecimal(), limits.GetProperty("daily_limit_usd").GetDecimal()).ShouldBe((500m, 50_000_000m));
    }

    [Test]
    public async Task Putting_both_limits_changes_both()
    {
        var set = await bed.SendAsync(HttpMethod.Put, "/limits", """{ "order_limit_usd": 2500.50, "daily_limit_usd": 100000 }""");

        set.Status.ShouldBe(HttpStatusCode.OK, set.Body);
        var limits = set.Json.GetProperty("limits");
        (limits.GetProperty("order_limit_usd").GetDecimal(), limits.GetProperty("daily_limit_usd").GetDecimal()).ShouldBe((2500.50m, 100_000m));
    }

    [Test]
    public async Task A_path_the_api_does_not_have_is_not_found_once_the_token_is_right() =>
        (await bed.SendAsync(HttpMethod.Get, "/orders")).Status.ShouldBe(HttpStatusCode.NotFound);
}
