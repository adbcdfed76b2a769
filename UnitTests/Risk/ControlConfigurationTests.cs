using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.UnitTests.Risk;

/// <summary>The controls and brokers of a configuration file: each bad value refused with the file, line and key.</summary>
[TestFixture]
public sealed class ControlConfigurationTests
{
    private const string Feed = "\"chain\": { \"node\": \"ws://127.0.0.1:5000/\", \"orderbook\": { \"orderbook\": \"0xe522\", \"orderOwner\": \"0xb07\", \"deploymentBlock\": 1, \"requiredConfirmations\": 3 } }";

    private const string Node = "\"wsRpcUrl\": \"ws://127.0.0.1:5000/\", \"orderbook\": \"0xe522\", \"orderOwner\": \"0xb07\"";

    [Test]
    public void A_file_without_controls_gets_the_production_defaults()
    {
        var options = ConfigurationFile.Parse<BotOptions>("bot.json", $"{{ {Feed} }}");

        options.Risk().ShouldBe(RiskSettings.Production);
        options.Brokers().ShouldBe((SupportedExecutor.AlpacaBrokerApi, (SupportedExecutor?)null));
    }

    [Test]
    public void The_controls_and_brokers_a_file_names_are_the_bots()
    {
        var options = ConfigurationFile.Parse<BotOptions>("bot.json", $$"""
            { {{Feed}}, "orderLimitUsd": 500, "dailyLimitUsd": 1000.50, "killSwitchAfterFailures": 3, "autoResetDaily": true,
              "broker": "alpaca", "fallbackBroker": "schwab" }
            """);

        options.Risk().ShouldBe(new RiskSettings
        {
            OrderLimit = new Usd(500m),
            DailyLimit = new Usd(1000.50m),
            KillSwitchAfterFailures = 3,
            AutoResetDaily = true,
        });
        options.Brokers().ShouldBe((SupportedExecutor.AlpacaBrokerApi, (SupportedExecutor?)SupportedExecutor.Schwab));
    }

    [Test]
    public void A_null_limit_is_no_limit() =>
        ConfigurationFile.Parse<BotOptions>("bot.json", $"{{ {Feed}, \"orderLimitUsd\": null }}").Risk().OrderLimit.ShouldBeNull();

    [Test]
    public void A_negative_order_limit_is_refused_at_its_line() =>
        Refused($"{{\n  {Feed},\n  \"orderLimitUsd\": -5\n}}").ShouldBe("bot.json:3: \"orderLimitUsd\" must be more than $0, was negative (-5)");

    [Test]
    public void A_zero_daily_limit_is_refused_at_its_line() =>
        Refused($"{{\n  {Feed},\n  \"dailyLimitUsd\": 0\n}}").ShouldBe("bot.json:3: \"dailyLimitUsd\" must be more than $0, was 0");

    [Test]
    public void A_limit_that_is_not_a_number_is_refused_at_its_line() =>
        Refused($"{{\n  {Feed},\n  \"orderLimitUsd\": \"lots\"\n}}").ShouldBe("bot.json:3: \"orderLimitUsd\" has a value of the wrong type: a number");

    [Test]
    public void A_failure_count_below_one_is_refused() =>
        Refused($"{{ {Feed}, \"killSwitchAfterFailures\": 0 }}").ShouldBe("bot.json:1: \"killSwitchAfterFailures\" must be a whole number of at least 1, was 0");

    [Test]
    public void An_unknown_broker_is_refused_with_the_known_ones() =>
        Refused($"{{\n  {Feed},\n  \"broker\": \"ibkr\"\n}}").ShouldBe("bot.json:3: \"broker\" is \"ibkr\", not a broker: use alpaca, schwab, dry-run");

    [Test]
    public void A_fallback_equal_to_the_main_broker_is_refused() =>
        Refused($"{{\n  {Feed},\n  \"broker\": \"schwab\",\n  \"fallbackBroker\": \"schwab\"\n}}")
            .ShouldBe("bot.json:4: \"fallbackBroker\" cannot be the main broker (schwab) itself");

    [Test]
    public void The_dry_run_broker_as_a_fallback_is_refused() =>
        Refused($"{{\n  {Feed},\n  \"fallbackBroker\": \"dry-run\"\n}}")
            .ShouldBe("bot.json:3: \"fallbackBroker\" cannot be the dry-run broker: it would pretend to hedge; use alpaca or schwab");

    [Test]
    public void The_process_refuses_a_fallback_whose_section_is_missing() =>
        Should.Throw<BotConfigurationException>(() => ConfigurationFile.Parse<BotConfiguration>("bot.json", $$"""
            { {{Node}}, "alpaca": { "baseUrl": "http://127.0.0.1:9", "apiKey": "k", "apiSecret": "s", "accountId": "a" },
              "fallbackBroker": "schwab" }
            """)).Message.ShouldBe("bot.json:1: the \"schwab\" section is required when the main or fallback broker is schwab");

    [Test]
    public void The_process_passes_its_controls_to_the_bots_options()
    {
        var configuration = ConfigurationFile.Parse<BotConfiguration>("bot.json", $$"""
            { {{Node}}, "alpaca": { "baseUrl": "http://127.0.0.1:9", "apiKey": "k", "apiSecret": "s", "accountId": "a" },
              "orderLimitUsd": 2500, "killSwitchAfterFailures": 2 }
            """);

        configuration.ToOptions().Risk().ShouldBe(RiskSettings.Production with { OrderLimit = new Usd(2500m), KillSwitchAfterFailures = 2 });
    }

    private static string Refused(string json) =>
        Should.Throw<BotConfigurationException>(() => ConfigurationFile.Parse<BotOptions>("bot.json", json)).Message;
}
