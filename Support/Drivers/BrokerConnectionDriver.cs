using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// The bot's connection to its HTTP broker: the network to the broker's simulator, whether the broker accepts
/// the bot's credentials, and the upkeep that keeps Schwab's access token fresh.
/// </summary>
public sealed class BrokerConnectionDriver(ScenarioWorld host)
{
    private ScenarioBroker Broker => host.Broker;

    public void CutNetwork() => Broker.Network.Cut();

    public void RestoreNetwork() => Broker.Network.Restore();

    /// <summary>Every request the bot tried to send the broker, those that could not connect included.</summary>
    public int Attempts() => Broker.Network.Attempts;

    public void RefuseCredentials() => Broker.Http.RefuseCredentials();

    public void AcceptCredentials() => Broker.Http.AcceptCredentials();

    /// <summary>Whether the bot holds its hedges because the broker refused its credentials.</summary>
    public bool CredentialsRefused() =>
        Broker.Executor is IBrokerAccountProbe probe ? probe.AuthenticationFailed
            : throw new InvalidOperationException($"The {Broker.Kind} broker has no credentials to refuse: tag the scenario @http-broker and hedge with Alpaca or Schwab.");

    /// <summary>How many times the bot read its account at the broker (it does so to learn whether its credentials work again).</summary>
    public int AccountReads() => Broker.Http.AccountRequests();

    /// <summary>One round of the broker's upkeep, as the running bot runs it every 25 minutes.</summary>
    public Task RunUpkeepAsync()
    {
        var upkeep = Broker.Maintenance(BotOptions.DefaultExecutorMaintenanceInterval)
            ?? throw new InvalidOperationException($"The {Broker.Kind} broker needs no upkeep: only Schwab's access token is renewed.");
        return upkeep.MaintainAsync(CancellationToken.None);
    }
}
