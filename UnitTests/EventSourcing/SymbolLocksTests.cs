using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

[TestFixture]
public sealed class SymbolLocksTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);
    private static readonly Symbol Aapl = new("AAPL");

    [Test]
    public void Renewing_moves_the_expiry_and_releasing_frees_the_symbol()
    {
        using var database = SqliteDatabase.InMemory(new FakeTimeProvider(Start));
        using var unit = database.BeginWrite();
        unit.SymbolLocks.TryAcquire(Aapl, Start);

        unit.SymbolLocks.Renew(Aapl, Start.AddMinutes(10));
        unit.SymbolLocks.TryAcquire(Aapl, Start.AddMinutes(20)).ShouldBeFalse("acquisition 10 minutes after the renewal");
        unit.SymbolLocks.Release(Aapl);

        unit.SymbolLocks.LockedAt(Aapl).ShouldBeNull("lease after release");
        unit.SymbolLocks.TryAcquire(Aapl, Start.AddMinutes(20)).ShouldBeTrue("acquisition after release");
    }
}
