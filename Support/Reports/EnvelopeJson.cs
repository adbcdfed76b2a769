using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Io.Cucumber.Messages.Types;

namespace TradingBot.Acceptance.Support.Reports;

/// <summary>
/// Each message of the run as UTF-8 JSON, serialized once for both reports: Reqnroll hands every formatter the same
/// <see cref="Envelope"/>, and its own formatters serialized it once each, with reflection. One instance per run (the
/// global container); the JSON lives as long as its message.
/// </summary>
public sealed class EnvelopeJson
{
    // The generated settings, with the encoder Reqnroll's serializer uses (an attribute cannot name one).
    private static readonly CucumberMessagesJsonContext Context = new(new JsonSerializerOptions(CucumberMessagesJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private readonly ConditionalWeakTable<Envelope, byte[]> serialized = [];

    /// <summary>The message's JSON, as Reqnroll's <c>NdjsonSerializer</c> writes it.</summary>
    public byte[] Utf8(Envelope envelope) =>
        serialized.GetValue(envelope ?? throw new ArgumentNullException(nameof(envelope)), static message => JsonSerializer.SerializeToUtf8Bytes(message, Context.Envelope));
}
