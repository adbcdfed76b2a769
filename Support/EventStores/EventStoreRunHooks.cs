using NUnit.Framework;
using TradingBot.Acceptance.Support.EventStores;

// In the root namespace: the test run spans every test, scenarios and unit tests alike.
namespace TradingBot.Acceptance;

/// <summary>Stops the test run's throwaway PostgreSQL server after the last test, if the run started one.</summary>
[SetUpFixture]
public sealed class EventStoreRunHooks
{
    [OneTimeTearDown]
    public void StopThePostgresServer() => TestEventStores.StopServer();
}
