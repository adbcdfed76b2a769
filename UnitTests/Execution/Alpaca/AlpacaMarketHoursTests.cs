using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.UnitTests.Execution.Alpaca;

[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class AlpacaMarketHoursTests : IDisposable
{
    private readonly AlpacaTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [TestCase("13:30:00", true, TestName = "Opening bell 09:30 New York is open")]
    [TestCase("14:00:00", true, TestName = "10:00 New York is open")]
    [TestCase("19:59:59", true, TestName = "15:59:59 New York is open")]
    [TestCase("13:29:59", false, TestName = "09:29:59 New York is closed")]
    [TestCase("20:00:00", false, TestName = "Closing bell 16:00 New York is closed")]
    public async Task Market_is_open_between_the_calendar_days_open_and_close(string utcTime, bool open)
    {
        bed.Broker.OpenMarketOn(AlpacaTestBed.TradingDay);
        bed.Clock.AdjustTime(new DateTimeOffset(AlpacaTestBed.TradingDay, TimeOnly.Parse(utcTime, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero));

        var isOpen = await bed.Executor.IsMarketOpenAsync(CancellationToken.None);

        isOpen.ShouldBe(open);
        bed.Broker.TotalRequests().ShouldBe(1, "calendar requests");
    }

    [Test]
    public async Task Market_is_closed_on_a_day_missing_from_the_calendar()
    {
        bed.Broker.CloseMarketOn(AlpacaTestBed.TradingDay);

        var isOpen = await bed.Executor.IsMarketOpenAsync(CancellationToken.None);

        isOpen.ShouldBeFalse("a holiday has no calendar entry");
        bed.Broker.TotalRequests().ShouldBe(1, "calendar requests");
    }

    [Test]
    public async Task Early_close_ends_the_session_at_the_calendars_close()
    {
        bed.Broker.OpenMarketOn(AlpacaTestBed.TradingDay, close: "13:00");
        bed.Clock.AdjustTime(new DateTimeOffset(2025, 3, 12, 17, 0, 0, TimeSpan.Zero));

        var isOpen = await bed.Executor.IsMarketOpenAsync(CancellationToken.None);

        isOpen.ShouldBeFalse("13:00 New York on an early-close day");
    }
}
