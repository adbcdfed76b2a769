using NUnit.Framework;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Support.EventStores;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>
/// A store of the fixture's kind kept durable for each test (a file, or a schema of its own on the run's PostgreSQL
/// server), opened anew by each test, and the one-share trades of AAPL the store tests record in it.
/// </summary>
public abstract class DurableStoreFixture(EventStoreKind kind)
{
    protected static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    protected static readonly OnChainTradeAggregate Trades = new();
    protected static readonly Symbol Aapl = new("AAPL");

    protected ScenarioStore Store { get; private set; } = null!;

    [SetUp]
    public void OpenStore()
    {
        Store = new ScenarioStore(kind);
        Store.KeepDurable();
    }

    [TearDown]
    public void DropStore() => Store.Dispose();

    /// <summary>What a taker's fill of <paramref name="amount"/> AAPL at $100 in block 12, a minute before <see cref="Start"/>, witnesses.</summary>
    protected static OnChainTradeCommand.Witness Witness(decimal amount = 1m) =>
        new(Aapl, new FractionalShares(amount), Direction.Sell, new Usd(100.00m), 12, Start.AddMinutes(-1));
}
