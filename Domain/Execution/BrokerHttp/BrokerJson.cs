using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace TradingBot.Acceptance.Domain.Execution.BrokerHttp;

/// <summary>Reads a 2xx body; anything unreadable becomes an <c>invalid response</c> failure, never an exception.</summary>
public static class BrokerJson
{
    public static bool TryRead<T>(
        BrokerHttpOutcome.Answered answer,
        JsonSerializerOptions options,
        [NotNullWhen(true)] out T? value,
        [NotNullWhen(false)] out BrokerFailure? failure)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(answer.Body, options);
        }
        catch (JsonException)
        {
            value = null;
            failure = BrokerFailures.InvalidResponse(answer.StatusCode, "not JSON of the expected shape", answer.Body);
            return false;
        }
        failure = value is null ? BrokerFailures.InvalidResponse(answer.StatusCode, "empty JSON", answer.Body) : null;
        return value is not null;
    }
}
