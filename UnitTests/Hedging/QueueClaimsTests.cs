using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;

namespace TradingBot.Acceptance.UnitTests.Hedging;

[TestFixture]
public sealed class QueueClaimsTests
{
    [Test]
    public void Workers_take_different_rows_and_a_symbol_s_fills_one_at_a_time_in_order()
    {
        var claims = new QueueClaims();
        var firstAapl = Row(1, "tAAPL");
        var secondAapl = Row(2, "tAAPL");
        var msft = Row(3, "tMSFT");

        claims.TryClaim(firstAapl, out var firstFill).ShouldBeTrue("the first worker takes the first AAPL fill");
        claims.TryClaim(firstAapl, out _).ShouldBeFalse("a second worker may not take the same row");
        claims.TryClaim(secondAapl, out _).ShouldBeFalse("nor the next AAPL fill while the first is being processed");
        claims.TryClaim(msft, out _).ShouldBeTrue("but it may take the MSFT fill");
        claims.Release(firstAapl, firstFill);
        claims.TryClaim(secondAapl, out _).ShouldBeTrue("the next AAPL fill, once the first is done");
    }

    [Test]
    public void An_undecodable_row_is_claimed_by_its_id_alone()
    {
        var claims = new QueueClaims();
        var broken = new QueuedEvent(4, new ChainEvent(HedgingTestBed.Hash(4), 0, 100, HedgingTestBed.Start, """{"token_symbol":"tAAPL"}"""), false, HedgingTestBed.Start, null, null);

        claims.TryClaim(broken, out _).ShouldBeTrue("the broken row");
        claims.TryClaim(broken, out _).ShouldBeFalse("the broken row again");
        claims.TryClaim(Row(5, "tAAPL"), out _).ShouldBeTrue("an AAPL fill: the broken row holds no symbol");
    }

    private static QueuedEvent Row(long id, string token) =>
        new(id, FillEventData.ForFill(HedgingTestBed.Hash((int)id), 0, 100 + id, HedgingTestBed.Start, token, 1m, Direction.Sell, 100m), false, HedgingTestBed.Start, null, null);
}
