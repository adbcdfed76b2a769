using System.Globalization;

namespace TradingBot.Acceptance.Support.Parameters;

/// <summary>
/// A transaction hash as a feature writes it (<c>0xabc1</c>): shorthand for the full hash, left-padded
/// with zeros to 64 hex digits (<c>0x000…0abc1</c>).
/// </summary>
public readonly record struct TransactionHash
{
    private const int HexDigits = 64;

    public TransactionHash(string shorthand)
    {
        if (shorthand is not ['0', 'x', .. var digits] || digits.Length is 0 or > HexDigits || !digits.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{shorthand}' is not a transaction hash: write 0x followed by 1 to {HexDigits} lower-case hex digits, e.g. 0xabc1."),
                nameof(shorthand));
        Shorthand = shorthand;
        Value = "0x" + digits.PadLeft(HexDigits, '0');
    }

    /// <summary>The hash as the feature wrote it.</summary>
    public string Shorthand { get; }

    /// <summary>The full hash: 0x + 64 lower-case hex digits.</summary>
    public string Value { get; }

    public override string ToString() => Value;
}
