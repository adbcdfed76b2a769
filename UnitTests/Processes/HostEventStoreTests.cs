using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NUnit.Framework;
using Shouldly;

namespace TradingBot.Acceptance.UnitTests.Processes;

/// <summary>The bot's host program refuses a PostgreSQL store it cannot reach, saying which and why, without the password.</summary>
[TestFixture]
[Category("store-contract")]
public sealed class HostEventStoreTests
{
    [Test]
    public async Task The_bot_refuses_to_start_on_an_unreachable_postgres_server()
    {
        var folder = Directory.CreateTempSubdirectory("bot-host-store-").FullName;
        try
        {
            var port = ClosedPort();
            var config = new
            {
                wsRpcUrl = "ws://127.0.0.1:1/",
                orderbook = "0xe522",
                orderOwner = "0xb07",
                alpaca = new { baseUrl = "http://127.0.0.1:1", apiKey = "AKHOSTTEST", apiSecret = "host-test-secret", accountId = "account" },
                eventStore = "postgres",
                postgres = new { connection = $"Host=127.0.0.1;Port={port};Database=trading;Username=bot;Password=pg-s3cret;Timeout=3" },
            };
            var configPath = Path.Combine(folder, "bot.json");
            await File.WriteAllTextAsync(configPath, JsonSerializer.Serialize(config));
            using var bot = BotProcess.Start(configPath, databasePath: null, Path.Combine(folder, "bot.log"));

            var exitCode = await bot.WaitForExitAsync(TimeSpan.FromSeconds(60));

            exitCode.ShouldBe(2, bot.Output);
            bot.Output.ShouldContain($"PostgreSQL server 127.0.0.1:{port}, database trading: cannot connect");
            bot.Output.ShouldNotContain("pg-s3cret");
            bot.Output.ShouldNotContain("   at ", Case.Sensitive, "a message, not a stack trace");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
