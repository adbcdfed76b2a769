using System.Globalization;
using System.Numerics;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// The rain orderbook's decimal float, one <c>bytes32</c> word: the first 4 bytes are the exponent (<c>int32</c>),
/// the last 28 the coefficient (<c>int224</c>), both two's complement; value = coefficient × 10^exponent.
/// The word is not canonical ((5, 0) and (50, −1) are both 5), so compare values, never words.
/// All scaling is integer arithmetic: a <c>double</c> would add digits the chain never had.
/// </summary>
public readonly record struct RainFloat(BigInteger Coefficient, int Exponent)
{
    public const int WordLength = 32;
    private const int CoefficientBits = 224;
    private static readonly BigInteger CoefficientMask = (BigInteger.One << CoefficientBits) - 1;
    private static readonly BigInteger CoefficientSignBit = BigInteger.One << (CoefficientBits - 1);
    private static readonly BigInteger MaxUint256 = (BigInteger.One << 256) - 1;

    public static RainFloat FromWord(ReadOnlySpan<byte> word)
    {
        if (word.Length != WordLength)
            throw new UnreadableLogException(string.Create(CultureInfo.InvariantCulture, $"a Float is 32 bytes, this one has {word.Length}"));
        var exponent = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(word[..4]);
        var coefficient = new BigInteger(word[4..], isUnsigned: true, isBigEndian: true);
        if (coefficient >= CoefficientSignBit)
            coefficient -= BigInteger.One << CoefficientBits;
        return new RainFloat(coefficient, exponent);
    }

    /// <summary>The exact value of a decimal: its unscaled digits and minus its scale.</summary>
    public static RainFloat FromDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | (uint)bits[0];
        return new RainFloat(value < 0 ? -magnitude : magnitude, -value.Scale);
    }

    public byte[] ToWord()
    {
        var word = ((Coefficient & CoefficientMask) | (new BigInteger(unchecked((uint)Exponent)) << CoefficientBits)).ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[WordLength];
        word.CopyTo(padded.AsSpan(WordLength - word.Length));
        return padded;
    }

    /// <summary>
    /// The value as an integer count of 10^−<paramref name="decimals"/>, truncated toward zero
    /// (the orderbook's <c>toFixedDecimalLossy</c>). Negative values are refused.
    /// </summary>
    public BigInteger ToFixedDecimal(int decimals)
    {
        if (Coefficient.Sign < 0)
            throw new UnreadableLogException(string.Create(CultureInfo.InvariantCulture, $"negative Float ({Coefficient}e{Exponent})"));
        if (Coefficient.IsZero)
            return BigInteger.Zero;
        var k = (long)Exponent + decimals;
        if (k < -77)
            return BigInteger.Zero;
        if (k < 0)
            return BigInteger.Divide(Coefficient, BigInteger.Pow(10, (int)-k));
        var scaled = k == 0 ? Coefficient : Coefficient * BigInteger.Pow(10, (int)Math.Min(k, 78));
        return scaled <= MaxUint256
            ? scaled
            : throw new UnreadableLogException(string.Create(CultureInfo.InvariantCulture, $"Float {Coefficient}e{Exponent} does not fit 256 bits with {decimals} decimals"));
    }

    /// <summary>The value truncated to <paramref name="decimals"/> places, as integer ÷ 10^decimals.</summary>
    public decimal ToDecimal(int decimals)
    {
        var units = ToFixedDecimal(decimals);
        if (units > new BigInteger(decimal.MaxValue))
            throw new UnreadableLogException(string.Create(CultureInfo.InvariantCulture, $"Float {Coefficient}e{Exponent} is too large for an amount"));
        return (decimal)units / Pow10Decimal(decimals);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Coefficient}e{Exponent}");

    private static decimal Pow10Decimal(int power)
    {
        var result = 1m;
        for (var i = 0; i < power; i++)
            result *= 10m;
        return result;
    }
}
