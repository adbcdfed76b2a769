using System.Globalization;
using System.Numerics;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>JSON-RPC quantities: <c>0x</c> + hex without leading zeros (<c>"0x0"</c> for zero); data is <c>0x</c> + even hex.</summary>
public static class HexQuantity
{
    public static string Format(long value) => value < 0
        ? throw new ArgumentOutOfRangeException(nameof(value), value, "A quantity is never negative.")
        : "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public static string Format(BigInteger value) => value.Sign == 0 ? "0x0" : "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');

    /// <summary>Reads a quantity; anything else throws <see cref="FormatException"/> naming it.</summary>
    public static long Parse(string? text) =>
        text is ['0', 'x' or 'X', .. var digits] && digits.Length is > 0 and <= 16
            && long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new FormatException($"'{text}' is not a hex quantity");

    public static BigInteger ParseBig(string? text) =>
        text is ['0', 'x' or 'X', .. var digits] && digits.Length > 0
            && BigInteger.TryParse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a hex quantity");

    public static string Data(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    public static byte[] ParseData(string? text) =>
        text is ['0', 'x' or 'X', ..] && text.Length % 2 == 0
            ? Convert.FromHexString(text.AsSpan(2))
            : throw new FormatException($"'{Shorten(text)}' is not 0x-prefixed hex data");

    private static string? Shorten(string? text) => text is { Length: > 80 } ? text[..80] + "…" : text;
}
