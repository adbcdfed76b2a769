using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Support.EventStores;

namespace TradingBot.Acceptance.UnitTests.Hedging;

/// <summary>
/// A fresh store of the fixture's kind for each test, on a fake clock inside market hours, and fills each in a
/// transaction of its own: what the hedging tests run on both stores share before each builds its bot.
/// </summary>
public abstract class HedgingStoreFixture(EventStoreKind kind)
{
    protected static readonly CancellationToken None = CancellationToken.None;

    private ScenarioStore store = null!;
    private int nextTransaction;

    protected FakeTimeProvider Clock { get; private set; } = null!;

    protected EventStoreDatabase Database { get; private set; } = null!;

    [SetUp]
    public void OpenStore()
    {
        store = new ScenarioStore(kind);
        Clock = new FakeTimeProvider(HedgingTestBed.Start);
        Database = store.Open(Clock);
    }

    [TearDown]
    public void CloseStore()
    {
        Database.Dispose();
        store.Dispose();
    }

    /// <summary>A taker's fill of <paramref name="amount"/> <paramref name="token"/>, in the next transaction.</summary>
    protected OnChainFill NextFill(string token, decimal amount, Direction direction, decimal price = 100m) =>
        HedgingTestBed.Fill(HedgingTestBed.Hash(++nextTransaction), token, amount, direction, price);
}
