using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.Hosting;

[TestFixture]
public sealed class ConfigurationFileTests
{
    [Test]
    public void A_valid_file_sets_the_options_it_names_and_keeps_the_defaults_of_the_others()
    {
        var options = ConfigurationFile.Parse<BotOptions>("bot.json", """
            { "chain": { "node": "ws://127.0.0.1:5000/", "orderbook": { "orderbook": "0xe522", "orderOwner": "0xb07", "deploymentBlock": 1200, "requiredConfirmations": 3 } },
              "orderStatusInterval": "00:00:30" }
            """);

        options.Chain.Node.ShouldBe(new Uri("ws://127.0.0.1:5000/"));
        (options.Chain.Orderbook.DeploymentBlock, options.OrderStatusInterval).ShouldBe((1200L, TimeSpan.FromSeconds(30)));
        options.PositionCheckInterval.ShouldBe(new BotOptions { Chain = options.Chain }.PositionCheckInterval);
        options.Chain.WatchdogInterval.ShouldBe(TimeSpan.FromSeconds(5), "the watchdog's default");
    }

    [Test]
    public void A_misspelt_key_is_refused_with_the_line_and_the_key_it_meant() =>
        Refused("{\n  \"chain\": { \"node\": \"ws://127.0.0.1:5000/\", \"orderbook\": { \"orderbook\": \"0xe522cb4a5fcb2eb31a52ff41a4653d85a4fd7c9d\", \"orderOwner\": \"0xb07\", \"deploymentBlock\": 1200, \"requiredConfirmations\": 3 } },\n  \"orderStatusIntervall\": \"00:00:30\"\n}")
            .ShouldBe("bot.json:3: \"orderStatusIntervall\" is not a setting of the bot: did you mean \"orderStatusInterval\"?");

    [Test]
    public void A_value_of_the_wrong_type_is_refused_with_the_line_key_and_expected_form() =>
        Refused("{\n  \"chain\": { \"node\": \"ws://127.0.0.1:5000/\", \"orderbook\": { \"orderbook\": \"0xe522cb4a5fcb2eb31a52ff41a4653d85a4fd7c9d\", \"orderOwner\": \"0xb07\", \"deploymentBlock\": 1200, \"requiredConfirmations\": 3 } },\n  \"positionCheckInterval\": 60\n}")
            .ShouldBe("bot.json:3: \"positionCheckInterval\" has a value of the wrong type: a duration as \"hh:mm:ss\", e.g. \"00:00:15\"");

    [Test]
    public void A_file_without_the_chain_node_is_refused() =>
        Refused("{ \"orderStatusInterval\": \"00:00:30\" }").ShouldStartWith("bot.json:1: \"chain\" is required");

    [Test]
    public void A_file_that_is_not_json_is_refused_with_its_line() =>
        Refused("{\n  \"chain\": { \"node\": \"ws://127.0.0.1:5000/\", \"orderbook\": { \"orderbook\": \"0xe522cb4a5fcb2eb31a52ff41a4653d85a4fd7c9d\", \"orderOwner\": \"0xb07\", \"deploymentBlock\": 1200, \"requiredConfirmations\": 3 } }\n  \"deploymentBlock\": 5\n}").ShouldStartWith("bot.json:3: not valid JSON");

    [Test]
    public void The_process_configuration_names_a_misspelt_key_of_its_broker_section() =>
        Should.Throw<BotConfigurationException>(() => ConfigurationFile.Parse<BotConfiguration>("bot.json", """
            {
              "wsRpcUrl": "ws://127.0.0.1:5000/", "orderbook": "0xe522", "orderOwner": "0xb07",
              "alpaca": { "baseUrl": "http://127.0.0.1:9", "apiKey": "k", "apiSecrt": "s", "accountId": "a" }
            }
            """)).Message.ShouldBe("bot.json:3: \"apiSecrt\" is not a setting of the bot: did you mean \"apiSecret\"?");

    [Test]
    public void The_process_configuration_becomes_the_hosted_bots_options()
    {
        var configuration = ConfigurationFile.Parse<BotConfiguration>("bot.json", """
            {
              "wsRpcUrl": "ws://127.0.0.1:5000/", "orderbook": "0xe522", "orderOwner": "0xb07", "deploymentBlock": 42,
              "alpaca": { "baseUrl": "http://127.0.0.1:9", "apiKey": "k", "apiSecret": "s", "accountId": "a" },
              "orderStatusIntervalSeconds": 3, "placementDeadlineSeconds": 20, "watchdogIntervalSeconds": 1
            }
            """);

        var options = configuration.ToOptions();

        (options.OrderStatusInterval, options.OrderStatusMaxJitter, options.PlacementDeadline)
            .ShouldBe((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20)));
        (options.Chain.Orderbook, options.Chain.WatchdogInterval).ShouldBe((new Domain.Chain.OrderbookSettings("0xe522", "0xb07", 42, 3), TimeSpan.FromSeconds(1)));
        configuration.Alpaca!.ToString().ShouldNotContain("\"s\"");
    }

    [Test]
    public void The_configured_symbols_are_the_ones_the_process_hedges()
    {
        var configuration = ConfigurationFile.Parse<BotConfiguration>("bot.json", """
            {
              "wsRpcUrl": "ws://127.0.0.1:5000/", "orderbook": "0xe522", "orderOwner": "0xb07",
              "alpaca": { "baseUrl": "http://127.0.0.1:9", "apiKey": "k", "apiSecret": "s", "accountId": "a" },
              "symbols": ["MSFT", "AAPL"]
            }
            """).Checked("bot.json");

        configuration.Hedging(SupportedExecutor.AlpacaBrokerApi).KnownSymbols!.Select(symbol => symbol.Value).Order().ShouldBe(["AAPL", "MSFT"]);
        (configuration with { Symbols = null }).Hedging(SupportedExecutor.AlpacaBrokerApi).KnownSymbols.ShouldBeNull("no list: every symbol");
    }

    [Test]
    public void A_symbol_that_is_not_a_ticker_is_refused_with_the_file_and_the_value() =>
        Should.Throw<BotConfigurationException>(() => ConfigurationFile.Parse<BotConfiguration>("bot.json", """
            {
              "wsRpcUrl": "ws://127.0.0.1:5000/", "orderbook": "0xe522", "orderOwner": "0xb07",
              "alpaca": { "baseUrl": "http://127.0.0.1:9", "apiKey": "k", "apiSecret": "s", "accountId": "a" },
              "symbols": ["AAPL", "tMSFT"]
            }
            """).Checked("bot.json")).Message.ShouldBe("bot.json: \"symbols\": 'tMSFT' is not a ticker such as AAPL (upper-case letters, digits and '.')");

    private static string Refused(string json) =>
        Should.Throw<BotConfigurationException>(() => ConfigurationFile.Parse<BotOptions>("bot.json", json)).Message;
}
