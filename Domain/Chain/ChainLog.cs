using System.Text.Json;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// A log as a node sends it (in <c>eth_subscription</c> notifications, <c>eth_getLogs</c> and receipts). Position
/// fields are nullable because nodes omit them for pending logs; such logs are skipped, never guessed.
/// </summary>
public sealed record ChainLog(
    string Address,
    IReadOnlyList<string> Topics,
    LogData Data,
    long? BlockNumber,
    string? BlockHash,
    string? TransactionHash,
    long? TransactionIndex,
    long? LogIndex,
    bool Removed,
    long? BlockTimestamp)
{
    /// <summary>The topic0, or null for an anonymous log.</summary>
    public string? Topic0 => Topics.Count > 0 ? Topics[0] : null;

    /// <summary>Whether the log says where it is: block, transaction and index.</summary>
    public bool IsPlaced => BlockNumber is not null && TransactionHash is not null && LogIndex is not null;

    /// <summary>Where the log sits, for messages: <c>tx 0x… log 3</c>.</summary>
    public string Where => $"tx {TransactionHash ?? "(none)"} log {LogIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}";

    /// <summary>Reads a log object; a malformed one throws <see cref="FormatException"/> naming the field.</summary>
    public static ChainLog Read(JsonElement log)
    {
        if (log.ValueKind != JsonValueKind.Object)
            throw new FormatException($"a log is a JSON object, got {log.ValueKind}");
        if (Field(log, "topics") is not { ValueKind: JsonValueKind.Array } array)
            throw new FormatException("the log's 'topics' is not an array");
        string[] topics = [.. array.EnumerateArray().Select(topic => topic.GetString() ?? throw new FormatException("a topic is null"))];
        return new ChainLog(
            Text(log, "address") ?? throw new FormatException("the log has no 'address'"),
            topics,
            Field(log, "data") switch
            {
                { ValueKind: JsonValueKind.String } data => LogData.Read(data),
                { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => LogData.FromText("0x"),
                var other => throw new FormatException($"the log's 'data' is not a string: {other.ValueKind}"),
            },
            Quantity(log, "blockNumber"),
            Text(log, "blockHash"),
            Text(log, "transactionHash"),
            Quantity(log, "transactionIndex"),
            Quantity(log, "logIndex"),
            log.TryGetProperty("removed", out var removed) && removed.ValueKind == JsonValueKind.True,
            Quantity(log, "blockTimestamp"));
    }

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("address", Address);
        writer.WriteStartArray("topics");
        foreach (var topic in Topics)
            writer.WriteStringValue(topic);
        writer.WriteEndArray();
        writer.WriteString("data", Data.ToString());
        WriteQuantity(writer, "blockNumber", BlockNumber);
        writer.WriteString("blockHash", BlockHash);
        writer.WriteString("transactionHash", TransactionHash);
        WriteQuantity(writer, "transactionIndex", TransactionIndex);
        WriteQuantity(writer, "logIndex", LogIndex);
        writer.WriteBoolean("removed", Removed);
        if (BlockTimestamp is { } timestamp)
            writer.WriteString("blockTimestamp", HexQuantity.Format(timestamp));
        writer.WriteEndObject();
    }

    private static JsonElement Field(JsonElement log, string name) => log.TryGetProperty(name, out var value) ? value : default;

    private static string? Text(JsonElement log, string name) =>
        Field(log, name) switch
        {
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => null,
            var other => throw new FormatException($"the log's '{name}' is not a string: {other.ValueKind}"),
        };

    private static long? Quantity(JsonElement log, string name) => Text(log, name) is { } text ? HexQuantity.Parse(text) : null;

    private static void WriteQuantity(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } present)
            writer.WriteString(name, HexQuantity.Format(present));
        else
            writer.WriteNull(name);
    }
}
