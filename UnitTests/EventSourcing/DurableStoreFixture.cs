using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Support.EventStores;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>
/// A store of the fixture's kind kept durable for each test (a file, or a schema of its own on the run's PostgreSQL
/// server), opened anew by each test, and the one-share trades of AAPL and the broker orders the store tests record in it.
/// </summary>
public abstract class DurableStoreFixture(EventStoreKind kind)
{
    protected static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    protected static readonly OnChainTradeAggregate Trades = new();
    protected static readonly OffchainOrderAggregate Orders = new();
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

    /// <summary>An order to buy 2 AAPL on the dry-run broker.</summary>
    protected static OffchainOrderCommand.Place Place() =>
        new(Aapl, new FractionalShares(2m), Direction.Buy, SupportedExecutor.DryRun, new ClientOrderId(Guid.NewGuid()));

    /// <summary>Each order's command, all in one transaction; each must be accepted.</summary>
    protected static void WriteOrders(EventStoreDatabase database, IEnumerable<string> ids, Func<string, OffchainOrderCommand> command)
    {
        using var unit = database.BeginWrite();
        foreach (var id in ids)
            unit.Execute(Orders, id, order => OffchainOrderDecider.Decide(order, command(id), Start)).ShouldBeOfType<Decision<OffchainOrderEvent, OffchainOrderError>.Accepted>();
        unit.Commit();
    }
}
