using System.Globalization;

namespace TradingBot.Acceptance.Support.Parameters;

/// <summary>
/// A number as a scenario writes it (<c>-1.25</c>, <c>400</c>), read exactly: <see cref="decimal"/> would round
/// digits past its precision without a word and throw a bare overflow, so both are refused here with the value
/// and the rule, and the failing step names where.
/// </summary>
public static class WrittenNumber
{
    /// <summary>Tokens carry 18 decimals on-chain: a finer quantity cannot exist anywhere the bot looks.</summary>
    public const int MaxDecimals = 18;

    /// <param name="text">Digits with an optional sign and decimal point.</param>
    /// <param name="what">What the number is, for the message: "a quantity of shares", "an amount in dollars".</param>
    public static decimal Read(string text, string what)
    {
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 ? 0 : text.Length - point - 1;
        if (decimals > MaxDecimals)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"'{text}' has {decimals} decimals: {what} is written with at most {MaxDecimals}."), nameof(text));
        try
        {
            return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"'{text}' is too large for {what}: the largest is {decimal.MaxValue}."), nameof(text));
        }
    }
}
