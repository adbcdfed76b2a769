using System.Net;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.OperatorSurface;

/// <summary>The <c>operatorApi</c> section of the bot's configuration file: its defaults and its refusals.</summary>
[TestFixture]
public sealed class OperatorApiConfigurationTests
{
    [Test]
    public void A_section_with_a_token_listens_on_loopback_at_a_free_port_by_default()
    {
        var settings = Parse("\"token\": \"op-token-0123456789-abcdef\"").OperatorApiSettings()!;

        (settings.Address, settings.Port, settings.Token).ShouldBe((IPAddress.Loopback, 0, "op-token-0123456789-abcdef"));
    }

    [Test]
    public void A_section_names_its_address_and_port()
    {
        var settings = Parse("\"token\": \"op-token-0123456789-abcdef\", \"address\": \"0.0.0.0\", \"port\": 8081").OperatorApiSettings()!;

        (settings.Address, settings.Port).ShouldBe((IPAddress.Any, 8081));
    }

    [Test]
    public void Without_the_section_or_with_it_turned_off_there_is_no_api()
    {
        ConfigurationFile.Parse<BotConfiguration>("bot.json", """
            { "wsRpcUrl": "ws://127.0.0.1:5000/", "orderbook": "0xe522", "orderOwner": "0xb07", "alpaca": { "baseUrl": "http://127.0.0.1:9", "apiKey": "k", "apiSecret": "s", "accountId": "a" } }
            """).OperatorApiSettings().ShouldBeNull();
        Parse("\"enabled\": false").OperatorApiSettings().ShouldBeNull();
    }

    [TestCase("\"port\": 8081", "bot.json:4: \"operatorApi.token\" is required when the operator API is enabled: a secret of at least 16 characters that every request carries as \"Authorization: Bearer <token>\"")]
    [TestCase("\"token\": \"  \"", "bot.json:4: \"operatorApi.token\" is required when the operator API is enabled: a secret of at least 16 characters that every request carries as \"Authorization: Bearer <token>\"")]
    [TestCase("\"token\": \"short-secret-06\"", "bot.json:4: \"operatorApi.token\" is too short: use at least 16 characters")]
    [TestCase("\"token\": \"op-token-0123456789-abcdef\", \"port\": -1", "bot.json:4: \"operatorApi.port\" must be a port from 0 (any free one) to 65535, was -1")]
    [TestCase("\"token\": \"op-token-0123456789-abcdef\", \"port\": 65536", "bot.json:4: \"operatorApi.port\" must be a port from 0 (any free one) to 65535, was 65536")]
    [TestCase("\"token\": \"op-token-0123456789-abcdef\", \"address\": \"my-host\"", "bot.json:4: \"operatorApi.address\" must be an IP address such as \"127.0.0.1\", was \"my-host\"")]
    [TestCase("\"token\": \"op-token-0123456789-abcdef\", \"port\": \"8081\"", "bot.json:4: \"operatorApi.port\" has a value of the wrong type: a whole number")]
    [TestCase("\"tokn\": \"op-token-0123456789-abcdef\"", "bot.json:4: \"tokn\" is not a setting of the bot: did you mean \"token\"?")]
    public void A_bad_section_is_refused_before_the_bot_starts(string section, string message) =>
        Should.Throw<BotConfigurationException>(() => Parse(section)).Message.ShouldBe(message);

    private static BotConfiguration Parse(string section) =>
        ConfigurationFile.Parse<BotConfiguration>("bot.json", OperatorTokenSecrecyTests.Configuration(section));
}
