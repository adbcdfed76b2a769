using System.Globalization;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>
/// The pre-trade controls of a bot: the largest broker order and the day's total (in dollars at the last
/// price), how many failed broker orders in a row engage the kill switch, and whether a new UTC day resets a
/// kill switch the daily limit engaged. <c>null</c> means no such control (<see cref="None"/>: nothing binds).
/// </summary>
public sealed record RiskSettings
{
    public const string OrderLimitField = "order_limit_usd";
    public const string DailyLimitField = "daily_limit_usd";
    public const string FailuresField = "kill_switch_after_failures";

    /// <summary>No control binds: what scenarios, benchmarks and tests start from unless they set one.</summary>
    public static readonly RiskSettings None = new();

    /// <summary>What a bot runs with when its configuration says nothing: $1,000,000 an order, $50,000,000 a day, 5 failures.</summary>
    public static readonly RiskSettings Production = new()
    {
        OrderLimit = new Usd(1_000_000m),
        DailyLimit = new Usd(50_000_000m),
        KillSwitchAfterFailures = 5,
    };

    public Usd? OrderLimit { get; init; }

    public Usd? DailyLimit { get; init; }

    public int? KillSwitchAfterFailures { get; init; }

    public bool AutoResetDaily { get; init; }

    /// <summary>A limit as given: more than zero dollars, else refused naming <paramref name="field"/>.</summary>
    public static Usd Limit(string field, decimal value) => value switch
    {
        < 0m => throw new RiskSettingException(field, $"\"{field}\" must be more than $0, was negative ({value.ToString(CultureInfo.InvariantCulture)})"),
        0m => throw new RiskSettingException(field, $"\"{field}\" must be more than $0, was 0"),
        _ => new Usd(value),
    };

    /// <summary>A limit written in text (configuration, a request): a number of dollars, else refused naming <paramref name="field"/>.</summary>
    public static Usd Limit(string field, string text) =>
        decimal.TryParse(text?.Trim().TrimStart('$').Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var value)
            ? Limit(field, value)
            : throw new RiskSettingException(field, $"\"{field}\" must be a number of dollars, was '{text}'");

    /// <summary>The failure count: a whole number of at least 1, else refused naming the field.</summary>
    public static int Failures(long value) => value is >= 1 and <= int.MaxValue
        ? (int)value
        : throw new RiskSettingException(FailuresField, $"\"{FailuresField}\" must be a whole number of at least 1, was {value}");

    /// <summary>Dollars as an operator reads them: <c>$1,000</c>, <c>$1,250.50</c>.</summary>
    public static string Money(Usd amount) =>
        "$" + amount.Value.ToString(amount.Value == decimal.Truncate(amount.Value) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
}

/// <summary>A control setting that cannot be used; <see cref="Field"/> names it as configuration and the operator API spell it.</summary>
public sealed class RiskSettingException : ArgumentException
{
    public RiskSettingException(string field, string message) : base(message) => Field = field;

    public RiskSettingException() { }

    public RiskSettingException(string message) : base(message) { }

    public RiskSettingException(string message, Exception innerException) : base(message, innerException) { }

    public string Field { get; } = "";
}
