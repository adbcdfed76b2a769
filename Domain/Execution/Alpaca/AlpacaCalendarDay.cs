namespace TradingBot.Acceptance.Domain.Execution.Alpaca;

/// <summary>One trading day of the calendar: <c>date</c> YYYY-MM-DD, <c>open</c> and <c>close</c> HH:mm in New York.</summary>
public sealed record AlpacaCalendarDay(string? Date, string? Open, string? Close);
