using System.Globalization;
using System.Numerics;

namespace TradingBot.Acceptance.Domain.Chain.Abi;

/// <summary>
/// Reads ABI-encoded data word by word: static values in place, dynamic ones (tuples with dynamic members, arrays,
/// <c>bytes</c>) behind an offset from the start of the enclosing block. Every offset, length and word is checked
/// against the data; what does not fit throws <see cref="UnreadableLogException"/> naming the byte position.
/// </summary>
internal readonly ref struct AbiWords(ReadOnlySpan<byte> data)
{
    public const int Word = 32;

    /// <summary>The most entries an array of a log may claim (a log's data is far smaller than this would need).</summary>
    private const int MaxEntries = 1 << 16;

    private readonly ReadOnlySpan<byte> data = data;

    public int Length => data.Length;

    public ReadOnlySpan<byte> At(int position)
    {
        if (position < 0 || position > data.Length - Word)
            throw Unreadable($"a word at byte {position} is beyond the data ({data.Length} bytes)");
        return data.Slice(position, Word);
    }

    /// <summary>An address: the word's last 20 bytes as lower-case hex; the first 12 must be zero.</summary>
    public string Address(int position)
    {
        var word = At(position);
        if (word[..12].IndexOfAnyExcept((byte)0) >= 0)
            throw Unreadable($"the address at byte {position} has bits above its 160");
        return "0x" + Convert.ToHexStringLower(word[12..]);
    }

    public byte[] Bytes32(int position) => At(position).ToArray();

    public BigInteger Uint256(int position) => new(At(position), isUnsigned: true, isBigEndian: true);

    /// <summary>The block an offset word at <paramref name="position"/> points to, from <paramref name="blockStart"/>.</summary>
    public int Offset(int position, int blockStart)
    {
        var target = (long)blockStart + Small(position, "offset");
        return target <= data.Length - Word || target == data.Length
            ? (int)target
            : throw Unreadable($"the offset at byte {position} points beyond the data ({target} of {data.Length} bytes)");
    }

    /// <summary>The entry count of an array at <paramref name="position"/>, checked against the room each entry needs.</summary>
    public int Count(int position, int wordsPerEntry)
    {
        var count = Small(position, "length");
        var room = (data.Length - position - Word) / Word;
        return count <= MaxEntries && count * (long)wordsPerEntry <= room
            ? (int)count
            : throw Unreadable($"the array at byte {position} claims {count} entries, more than the data holds");
    }

    /// <summary>The <c>bytes</c> at <paramref name="position"/> (length word, then the bytes padded to whole words).</summary>
    public byte[] Bytes(int position)
    {
        var length = Small(position, "length");
        return length <= data.Length - position - Word
            ? data.Slice(position + Word, (int)length).ToArray()
            : throw Unreadable($"the bytes at byte {position} claim {length} bytes, more than the data holds");
    }

    private long Small(int position, string what)
    {
        var word = At(position);
        if (word[..24].IndexOfAnyExcept((byte)0) >= 0)
            throw Unreadable($"the {what} at byte {position} is not a small number");
        return (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
    }

    private static UnreadableLogException Unreadable(string message) => new(string.Create(CultureInfo.InvariantCulture, $"{message}"));
}
