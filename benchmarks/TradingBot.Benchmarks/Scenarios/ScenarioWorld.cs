using Microsoft.Extensions.Time.Testing;
using Moq;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TradingBot.Benchmarks.Scenarios;

/// <summary>
/// What a scenario's hooks build before its first step and drop after its last: a fresh in-memory
/// database with the schema, a fake clock, Moq mocks of the ports and a broker stub on WireMock.
/// </summary>
public static class ScenarioWorld
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Builds and tears down one scenario's world; <paramref name="server"/> is the broker stub's server.</summary>
    public static int SetUpAndTearDown(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var clock = new FakeTimeProvider(Start);
        using var database = SqliteDatabase.InMemory(clock);
        var executor = new Mock<IExecutor>(MockBehavior.Strict);
        executor.SetupGet(broker => broker.Kind).Returns(SupportedExecutor.AlpacaBrokerApi);
        executor.Setup(broker => broker.IsMarketOpenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var probe = new Mock<IBrokerAccountProbe>();
        probe.SetupGet(account => account.AuthenticationFailed).Returns(false);
        server.Given(Request.Create().WithPath("/v1/calendar").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("[]"));
        return executor.Object.Kind == SupportedExecutor.AlpacaBrokerApi && !probe.Object.AuthenticationFailed
            ? server.Mappings.Count
            : throw new InvalidOperationException("The mocks were not set up.");
    }
}
