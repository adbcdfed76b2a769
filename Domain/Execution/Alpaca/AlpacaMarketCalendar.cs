using System.Globalization;
using System.Net.Http.Headers;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;

namespace TradingBot.Acceptance.Domain.Execution.Alpaca;

/// <summary>Regular hours from the Broker API calendar: open iff today (New York) is a trading day and open ≤ now &lt; close.</summary>
public sealed class AlpacaMarketCalendar(
    BrokerHttpTransport transport, AuthenticationHeaderValue authorization, AlpacaBrokerApiOptions options, TimeProvider timeProvider)
{
    public async Task<bool> IsOpenAsync(CancellationToken cancellationToken)
    {
        var now = TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), options.MarketTimeZone);
        var today = DateOnly.FromDateTime(now.DateTime);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var outcome = await transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"v1/calendar?start={day}&end={day}")
            {
                Headers = { Authorization = authorization },
            },
            BrokerCallKind.Read,
            cancellationToken).ConfigureAwait(false);
        // A calendar that cannot be read counts as closed: the checker hedges once it can be read again.
        if (outcome is not BrokerHttpOutcome.Answered answer
            || !BrokerJson.TryRead<AlpacaCalendarDay[]>(answer, AlpacaJson.Options, out var days, out _))
            return false;
        var timeOfDay = TimeOnly.FromDateTime(now.DateTime);
        return days.Any(calendarDay => calendarDay.Date == day
            && TryReadTime(calendarDay.Open, out var open)
            && TryReadTime(calendarDay.Close, out var close)
            && open <= timeOfDay && timeOfDay < close);
    }

    private static bool TryReadTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
