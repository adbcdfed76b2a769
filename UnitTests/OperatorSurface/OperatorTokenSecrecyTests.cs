using System.Net;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

namespace TradingBot.Acceptance.UnitTests.OperatorSurface;

/// <summary>The operator token, right or wrong, never reaches a log line, an answer, an exception message or a printed setting.</summary>
[TestFixture]
[Category("secrets")]
public sealed class OperatorTokenSecrecyTests
{
    private const string WrongToken = "wrong-token-seeded-0005";

    [Test]
    public async Task Neither_the_token_nor_a_wrong_one_is_logged_or_answered()
    {
        await using var bed = await OperatorApiBed.StartAsync();
        var answers = new List<OperatorApiBed.Answer>
        {
            await bed.SendAsync(HttpMethod.Get, "/status"),
            await bed.SendAsync(HttpMethod.Post, "/kill-switch", """{ "reason": "audit" }"""),
            await bed.SendAsync(HttpMethod.Put, "/limits", """{ "order_limit_usd": -1 }"""),
            await bed.SendAsync(HttpMethod.Put, "/limits", """{ "order_limit_usd": 700 }"""),
            await bed.SendAsync(HttpMethod.Delete, "/kill-switch"),
            await bed.SendAsync(HttpMethod.Post, "/kill-switch", """{ "reason": "x" }""", "Bearer " + WrongToken),
            await bed.SendAsync(HttpMethod.Get, "/status", null, "Basic " + OperatorApiBed.Token),
            await bed.SendAsync(HttpMethod.Get, "/status", null, null),
        };

        answers.Select(answer => answer.Status).ShouldBe([
            HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.OK,
            HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized]);
        var written = bed.Logger.Lines.Concat(answers.Select(answer => answer.Body)).ToList();
        bed.Logger.Lines.Count.ShouldBeGreaterThan(5, "the API logs its commands and refusals");
        foreach (var text in written)
        {
            text.ShouldNotContain(OperatorApiBed.Token);
            text.ShouldNotContain(WrongToken);
        }
    }

    [Test]
    public void Printed_settings_show_stars_for_the_token()
    {
        var printed = new object[]
        {
            new OperatorApiSettings(IPAddress.Loopback, 8081, OperatorApiBed.Token),
            new OperatorApiSection { Port = 8081, Token = OperatorApiBed.Token },
            new BearerToken(OperatorApiBed.Token),
            ConfigurationFile.Parse<BotConfiguration>("bot.json", Configuration($"\"port\": 8081, \"token\": \"{OperatorApiBed.Token}\"")),
        }.Select(value => value.ToString()!).ToList();

        printed.ShouldAllBe(text => !text.Contains(OperatorApiBed.Token, StringComparison.Ordinal));
        printed[0].ShouldBe("operator API on 127.0.0.1:8081, token ***");
    }

    [TestCase("\"token\": \"short-secret-06\"")]
    [TestCase("\"token\": \"op-token-0123456789-abcdef\", \"port\": 70000")]
    [TestCase("\"token\": [\"op-token-0123456789-abcdef\"]")]
    public void A_refused_section_does_not_repeat_the_token(string section)
    {
        var refused = Should.Throw<BotConfigurationException>(() => ConfigurationFile.Parse<BotConfiguration>("bot.json", Configuration(section)));

        refused.Message.ShouldNotContain("short-secret-06");
        refused.Message.ShouldNotContain(OperatorApiBed.Token);
    }

    internal static string Configuration(string operatorApi) => $$"""
        {
          "wsRpcUrl": "ws://127.0.0.1:5000/", "orderbook": "0xe522", "orderOwner": "0xb07",
          "alpaca": { "baseUrl": "http://127.0.0.1:9", "apiKey": "k", "apiSecret": "s", "accountId": "a" },
          "operatorApi": { {{operatorApi}} }
        }
        """;
}
