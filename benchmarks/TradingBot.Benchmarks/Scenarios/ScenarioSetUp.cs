using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.World;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TradingBot.Benchmarks.Scenarios;

/// <summary>
/// What a scenario's hooks build before its first step and drop after its last: the scenario's one world
/// (its clock, its broker double, its in-memory database with the schema, and the bot composed by the one
/// composition root), plus a venue simulator's mapping on a WireMock server.
/// </summary>
public static class ScenarioSetUp
{
    /// <summary>Builds and tears down one scenario's world; <paramref name="server"/> is a venue simulator's server.</summary>
    public static int SetUpAndTearDown(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var clock = new ScenarioClock();
        using var broker = new ScenarioBroker(clock);
        using var world = new ScenarioWorld(clock, broker);
        world.UseBroker(SupportedExecutor.DryRun);
        var conductor = world.Bot.Conductor;
        server.Given(Request.Create().WithPath("/v1/calendar").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("[]"));
        return conductor is not null && world.Positions.All().Count == 0
            ? server.Mappings.Count
            : throw new InvalidOperationException("The world was not built.");
    }
}
