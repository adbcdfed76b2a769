using System.Net;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.UnitTests.OperatorSurface;

/// <summary>Every refusal of the operator API: its status, its message, and that nothing changed.</summary>
[TestFixture]
public sealed class OperatorApiRefusalTests
{
    private static readonly object[] Commands =
    [
        new object[] { "GET", "/status", null! },
        new object[] { "POST", "/kill-switch", """{ "reason": "test" }""" },
        new object[] { "DELETE", "/kill-switch", null! },
        new object[] { "PUT", "/limits", """{ "order_limit_usd": 10 }""" },
        new object[] { "GET", "/no-such-path", null! },
    ];

    private OperatorApiBed bed = null!;
    private string before = "";

    [SetUp]
    public async Task StartAsync()
    {
        bed = await OperatorApiBed.StartAsync();
        before = (await bed.SendAsync(HttpMethod.Get, "/status")).Body;
    }

    [TearDown]
    public async Task StopAsync() => await bed.DisposeAsync();

    [TestCaseSource(nameof(Commands))]
    public async Task A_request_without_a_token_is_refused_with_401(string method, string path, string? body) =>
        await ShouldBeUnauthorizedAsync(await bed.SendAsync(new HttpMethod(method), path, body, authorization: null),
            "a bearer token is required (Authorization: Bearer <token>)");

    [TestCaseSource(nameof(Commands))]
    public async Task A_request_with_a_wrong_token_is_refused_with_401(string method, string path, string? body) =>
        await ShouldBeUnauthorizedAsync(await bed.SendAsync(new HttpMethod(method), path, body, "Bearer " + OperatorApiBed.Token + "x"),
            "the bearer token is not the operator token");

    [Test]
    public async Task A_token_that_is_a_prefix_of_the_right_one_is_refused() =>
        await ShouldBeUnauthorizedAsync(await bed.SendAsync(HttpMethod.Post, "/kill-switch", """{ "reason": "x" }""", "Bearer " + OperatorApiBed.Token[..^1]),
            "the bearer token is not the operator token");

    [Test]
    public async Task The_token_in_another_scheme_is_refused() =>
        await ShouldBeUnauthorizedAsync(await bed.SendAsync(HttpMethod.Delete, "/kill-switch", null, "Basic " + OperatorApiBed.Token),
            "the Authorization header must use the Bearer scheme");

    [TestCase("{ \"reason\": ", "the body is not valid JSON (line 1, byte 13)")]
    [TestCase("", "the body is not valid JSON (line 1, byte 1)")]
    [TestCase("[]", "the body must be a JSON object with the fields reason")]
    [TestCase("{}", "\"reason\" is required: say why the kill switch is engaged")]
    [TestCase("""{ "reason": "  " }""", "\"reason\" must be a text saying why the kill switch is engaged")]
    [TestCase("""{ "reason": 5 }""", "\"reason\" must be a text saying why the kill switch is engaged")]
    [TestCase("""{ "reasn": "x" }""", "\"reasn\" is not a field of this request: did you mean \"reason\"?")]
    [TestCase("""{ "reason": "x", "by": "alice" }""", "\"by\" is not a field of this request (its fields: reason)")]
    public async Task A_kill_switch_body_that_is_not_a_reason_is_refused_with_400(string body, string message) =>
        await ShouldBeInvalidAsync(await bed.SendAsync(HttpMethod.Post, "/kill-switch", body), message);

    [TestCase("""{ "order_limit_usd": -5 }""", "\"order_limit_usd\" must be more than $0, was negative (-5)")]
    [TestCase("""{ "daily_limit_usd": 0 }""", "\"daily_limit_usd\" must be more than $0, was 0")]
    [TestCase("""{ "order_limit_usd": "abc" }""", "\"order_limit_usd\" must be a number of dollars, e.g. 500")]
    [TestCase("""{ "daily_limit_usd": "1000" }""", "\"daily_limit_usd\" must be a number of dollars, e.g. 500")]
    [TestCase("""{ "order_limit_usd": null }""", "\"order_limit_usd\" must be a number of dollars, e.g. 500")]
    [TestCase("""{ "order_limit_usd": 1e400 }""", "\"order_limit_usd\" must be a number of dollars, e.g. 500")]
    [TestCase("""{ "order_limit": 500 }""", "\"order_limit\" is not a field of this request: did you mean \"order_limit_usd\"?")]
    [TestCase("""{ "maxPosition": 500 }""", "\"maxPosition\" is not a field of this request (its fields: order_limit_usd, daily_limit_usd)")]
    [TestCase("""{ "order_limit_usd": 500, "order_limit_usd": 600 }""", "\"order_limit_usd\" is given twice")]
    [TestCase("""{ "order_limit_usd": 500, "daily_limit_usd": -1 }""", "\"daily_limit_usd\" must be more than $0, was negative (-1)")]
    [TestCase("{}", "name at least one limit: order_limit_usd, daily_limit_usd")]
    [TestCase("500", "the body must be a JSON object with the fields order_limit_usd, daily_limit_usd")]
    [TestCase("{ order_limit_usd: 500 }", "the body is not valid JSON (line 1, byte 3)")]
    public async Task Invalid_limits_are_refused_with_400_naming_the_field(string body, string message) =>
        await ShouldBeInvalidAsync(await bed.SendAsync(HttpMethod.Put, "/limits", body), message);

    private async Task ShouldBeUnauthorizedAsync(OperatorApiBed.Answer answer, string message)
    {
        answer.Status.ShouldBe(HttpStatusCode.Unauthorized, answer.Body);
        answer.Challenge.ShouldBe("Bearer");
        answer.Error.ShouldBe(message);
        await ShouldBeUnchangedAsync();
    }

    private async Task ShouldBeInvalidAsync(OperatorApiBed.Answer answer, string message)
    {
        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.Body);
        answer.Error.ShouldBe(message);
        await ShouldBeUnchangedAsync();
    }

    private async Task ShouldBeUnchangedAsync()
    {
        bed.RiskEvents.ShouldBeEmpty("control decisions recorded");
        (bed.Risk.Settings.OrderLimit, bed.Risk.Settings.DailyLimit).ShouldBe((RiskSettings.Production.OrderLimit, RiskSettings.Production.DailyLimit));
        (await bed.SendAsync(HttpMethod.Get, "/status")).Body.ShouldBe(before, "status after the refusal");
    }
}
