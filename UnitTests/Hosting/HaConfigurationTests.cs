using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.Hosting;

/// <summary>The <c>ha</c> section of the bot's configuration file: active and standby on PostgreSQL, and its refusals.</summary>
[TestFixture]
[Category("ha")]
public sealed class HaConfigurationTests
{
    [Test]
    public void Active_standby_on_postgres_fences_the_instance_with_a_lease_of_five_seconds_by_default()
    {
        var fence = Parse("\"postgres\"", "\"mode\": \"active-standby\"").Fence("host/42/abc", new FakeTimeProvider());

        (fence!.Holder, fence.Duration, fence.Term).ShouldBe(("host/42/abc", TimeSpan.FromSeconds(5), 0L));
    }

    [Test]
    public void Without_the_section_or_with_mode_none_every_instance_runs_unfenced()
    {
        Parse("\"postgres\"", ha: null).Fence("host/42/abc", new FakeTimeProvider()).ShouldBeNull();
        Parse("\"sqlite\"", "\"mode\": \"none\"").Fence("host/42/abc", new FakeTimeProvider()).ShouldBeNull();
    }

    [TestCase("\"sqlite\"", "\"mode\": \"active-standby\"",
        "bot.json:5: \"ha.mode\" is \"active-standby\", which needs the PostgreSQL event store (\"eventStore\": \"postgres\"): the instances share its leadership lease, and a SQLite file is the store of one machine")]
    [TestCase("\"postgres\"", "\"mode\": \"active-passive\"", "bot.json:5: \"ha.mode\" must be \"active-standby\" or \"none\", was \"active-passive\"")]
    [TestCase("\"postgres\"", "\"mode\": \"active-standby\", \"leaseSeconds\": 0.5", "bot.json:5: \"ha.leaseSeconds\" must be from 1 to 300 seconds, was 0.5")]
    [TestCase("\"postgres\"", "\"leaseSeconds\": 5", "bot.json:5: \"mode\" is required")]
    public void A_wrong_section_is_refused_with_the_file_line_and_field(string store, string ha, string refusal) =>
        Should.Throw<BotConfigurationException>(() => Parse(store, ha)).Message.ShouldStartWith(refusal);

    private static BotConfiguration Parse(string store, string? ha) => ConfigurationFile.Parse<BotConfiguration>("bot.json", $$"""
        {
          "wsRpcUrl": "ws://127.0.0.1:5000/", "orderbook": "0xe522", "orderOwner": "0xb07",
          "alpaca": { "baseUrl": "http://127.0.0.1:9", "apiKey": "k", "apiSecret": "s", "accountId": "a" },
          "eventStore": {{store}}, "postgres": { "connection": "Host=db;Database=trading" }{{(ha is null ? "" : ",")}}
          {{(ha is null ? "" : $"\"ha\": {{ {ha} }}")}}
        }
        """);
}
