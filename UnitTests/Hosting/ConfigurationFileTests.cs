using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.Hosting;

[TestFixture]
public sealed class ConfigurationFileTests
{
    [Test]
    public void A_valid_file_sets_the_options_it_names_and_keeps_the_defaults_of_the_others()
    {
        var options = ConfigurationFile.Parse<BotOptions>("bot.json", """
            { "chainFeed": "ws://127.0.0.1:5000/fills", "deploymentBlock": 1200, "orderStatusInterval": "00:00:30" }
            """);

        options.ChainFeed.ShouldBe(new Uri("ws://127.0.0.1:5000/fills"));
        (options.DeploymentBlock, options.OrderStatusInterval).ShouldBe((1200L, TimeSpan.FromSeconds(30)));
        options.PositionCheckInterval.ShouldBe(new BotOptions { ChainFeed = options.ChainFeed }.PositionCheckInterval);
    }

    [Test]
    public void A_misspelt_key_is_refused_with_the_line_and_the_key_it_meant() =>
        Refused("{\n  \"chainFeed\": \"ws://127.0.0.1:5000/fills\",\n  \"orderStatusIntervall\": \"00:00:30\"\n}")
            .ShouldBe("bot.json:3: \"orderStatusIntervall\" is not a setting of the bot: did you mean \"orderStatusInterval\"?");

    [Test]
    public void A_value_of_the_wrong_type_is_refused_with_the_line_key_and_expected_form() =>
        Refused("{\n  \"chainFeed\": \"ws://127.0.0.1:5000/fills\",\n  \"positionCheckInterval\": 60\n}")
            .ShouldBe("bot.json:3: \"positionCheckInterval\" has a value of the wrong type: a duration as \"hh:mm:ss\", e.g. \"00:00:15\"");

    [Test]
    public void A_file_without_the_chain_feed_is_refused() =>
        Refused("{ \"deploymentBlock\": 5 }").ShouldStartWith("bot.json:1: \"chainFeed\" is required");

    [Test]
    public void A_file_that_is_not_json_is_refused_with_its_line() =>
        Refused("{\n  \"chainFeed\": \"ws://127.0.0.1:5000/fills\"\n  \"deploymentBlock\": 5\n}").ShouldStartWith("bot.json:3: not valid JSON");

    [Test]
    public void The_process_configuration_names_a_misspelt_key_of_its_broker_section() =>
        Should.Throw<BotConfigurationException>(() => ConfigurationFile.Parse<BotConfiguration>("bot.json", """
            {
              "chainFeed": "ws://127.0.0.1:5000/fills",
              "alpaca": { "baseUrl": "http://127.0.0.1:9", "apiKey": "k", "apiSecrt": "s", "accountId": "a" }
            }
            """)).Message.ShouldBe("bot.json:3: \"apiSecrt\" is not a setting of the bot: did you mean \"apiSecret\"?");

    [Test]
    public void The_process_configuration_becomes_the_hosted_bots_options()
    {
        var configuration = ConfigurationFile.Parse<BotConfiguration>("bot.json", """
            {
              "chainFeed": "ws://127.0.0.1:5000/fills",
              "alpaca": { "baseUrl": "http://127.0.0.1:9", "apiKey": "k", "apiSecret": "s", "accountId": "a" },
              "orderStatusIntervalSeconds": 3, "placementDeadlineSeconds": 20
            }
            """);

        var options = configuration.ToOptions();

        (options.OrderStatusInterval, options.OrderStatusMaxJitter, options.PlacementDeadline)
            .ShouldBe((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20)));
        configuration.Alpaca!.ToString().ShouldNotContain("\"s\"");
    }

    private static string Refused(string json) =>
        Should.Throw<BotConfigurationException>(() => ConfigurationFile.Parse<BotOptions>("bot.json", json)).Message;
}
