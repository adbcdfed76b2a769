using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>Stored timestamps read back to the tick; other RFC 3339 forms still read, and impossible ones are refused.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Rfc3339Tests
{
    private static readonly DateTimeOffset[] Instants =
    [
        new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999),
        new DateTimeOffset(2026, 12, 8, 2, 30, 0, TimeSpan.FromHours(-5)).AddTicks(1_234_567),
        DateTimeOffset.MinValue,
        DateTimeOffset.MaxValue,
    ];

    [TestCaseSource(nameof(Instants))]
    public void A_stored_timestamp_reads_back_to_the_tick(DateTimeOffset instant)
    {
        var stored = Rfc3339.Format(instant);

        Rfc3339.Parse(stored).ShouldBe(instant);
        Rfc3339.Parse(stored).Offset.ShouldBe(TimeSpan.Zero, stored);
    }

    [TestCase("2025-01-06T15:00:00Z", "2025-01-06T15:00:00.0000000Z")]
    [TestCase("2025-01-06T17:00:00.5+02:00", "2025-01-06T15:00:00.5000000Z")]
    [TestCase("2025-01-06T15:00:00.0000000", "2025-01-06T15:00:00.0000000Z")]
    public void Another_rfc3339_form_reads_as_the_same_instant_in_utc(string text, string stored) =>
        Rfc3339.Format(Rfc3339.Parse(text)).ShouldBe(stored);

    [TestCase("2025-02-30T00:00:00.0000000Z")]
    [TestCase("2025-13-01T00:00:00.0000000Z")]
    [TestCase("2025-01-01T24:00:00.0000000Z")]
    [TestCase("2025-01-01T00:60:00.0000000Z")]
    [TestCase("2025-0a-01T00:00:00.0000000Z")]
    [TestCase("0000-01-01T00:00:00.0000000Z")]
    public void A_timestamp_that_does_not_exist_is_refused(string text) =>
        Should.Throw<FormatException>(() => Rfc3339.Parse(text));
}
