using System.Runtime.InteropServices;
using System.Text.Json;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// A log's data: its bytes when it is <c>0x</c>-prefixed hex, and the text it was made from, if any, so that data that
/// is not hex fails to decode with what was sent (<see cref="Bytes"/> throws then, as <see cref="HexQuantity.ParseData"/>
/// does) and a simulated node writes what it was given. Read from the node's JSON straight into bytes: a fill's log
/// carries about 1.5 KB of data, 3 KB of hex, which as a string was a third of what the running bot allocated per fill.
/// </summary>
public sealed class LogData : IEquatable<LogData>
{
    private readonly byte[]? bytes;
    private readonly string? text;

    private LogData(byte[]? bytes, string? text) => (this.bytes, this.text) = (bytes, text);

    /// <summary>
    /// The data's bytes, shared by every reader of the log (decoders read them, none changes them); data that is not
    /// <c>0x</c>-prefixed hex throws <see cref="FormatException"/>.
    /// </summary>
    public byte[] Bytes => bytes ?? HexQuantity.ParseData(text);

    public static implicit operator LogData(string text) => FromText(text);

    public static LogData FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return new LogData(HexQuantity.ParseData(text), text);
        }
        catch (FormatException)
        {
            return new LogData(null, text);
        }
    }

    /// <summary>Reads a JSON string; hex without escapes is decoded from the JSON's own UTF-8, anything else through its text.</summary>
    public static LogData Read(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw is [(byte)'"', (byte)'0', (byte)'x' or (byte)'X', .. var hex, (byte)'"'] && hex.Length % 2 == 0 && !hex.Contains((byte)'\\'))
        {
            var decoded = new byte[hex.Length / 2];
            if (Convert.FromHexString(hex, decoded, out _, out var written) == System.Buffers.OperationStatus.Done && written == decoded.Length)
                return new LogData(decoded, null);
        }

        return FromText(value.GetString()!);
    }

    /// <summary>The text it was made from, or <c>0x</c> and lower-case hex when read from JSON.</summary>
    public override string ToString() => text ?? HexQuantity.Data(bytes!);

    public bool Equals(LogData? other) =>
        other is not null && (bytes is not null && other.bytes is not null ? bytes.AsSpan().SequenceEqual(other.bytes) : ToString() == other.ToString());

    public override bool Equals(object? obj) => Equals(obj as LogData);

    public override int GetHashCode() => bytes?.Length ?? StringComparer.Ordinal.GetHashCode(text!);
}
