using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TradingBot.Acceptance.Domain.Execution.BrokerHttp;

/// <summary>The classified failures and their reason texts, the same for every broker adapter.</summary>
public static class BrokerFailures
{
    private const int ExcerptLength = 80;

    public static BrokerFailure Authentication { get; } = new(BrokerFailureKind.Authentication, "authentication failed");

    public static BrokerFailure RateLimited { get; } = new(BrokerFailureKind.RateLimited, "rate limited");

    public static BrokerFailure TimedOut { get; } = new(BrokerFailureKind.TimedOut, "timed out");

    public static BrokerFailure ConnectionFailed { get; } = new(BrokerFailureKind.ConnectionFailed, "connection failed");

    public static BrokerFailure CircuitOpen { get; } =
        new(BrokerFailureKind.ConnectionFailed, "connection failed: circuit open after repeated broker failures");

    public static BrokerFailure ServerError(int statusCode) =>
        new(BrokerFailureKind.ServerError, Invariant($"server error ({statusCode})"));

    /// <summary>A 4xx: the broker's own <c>message</c> when it sent one, else an excerpt of the body.</summary>
    public static BrokerFailure Rejected(int statusCode, string body) =>
        new(BrokerFailureKind.Rejected, Invariant($"rejected ({statusCode}): {BrokerMessage(body) ?? Excerpt(body)}"));

    /// <summary>A refusal decided before anything was sent (inactive asset, Schwab fraction).</summary>
    public static BrokerFailure Rejected(string reason) => new(BrokerFailureKind.Rejected, reason);

    public static BrokerFailure InvalidResponse(int statusCode, string problem, string body) =>
        new(BrokerFailureKind.InvalidResponse, Invariant($"invalid response ({statusCode}): {problem}; body: {Excerpt(body)}"));

    /// <summary>The body on one line, cut short, so a reason stays readable in the event log.</summary>
    public static string Excerpt(string body)
    {
        var oneLine = new StringBuilder(Math.Min(body.Length, ExcerptLength + 1));
        foreach (var word in body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (oneLine.Length > 0)
                oneLine.Append(' ');
            oneLine.Append(word);
            if (oneLine.Length > ExcerptLength)
                break;
        }
        if (oneLine.Length == 0)
            return "(empty)";
        return oneLine.Length > ExcerptLength ? oneLine.ToString(0, ExcerptLength) + "…" : oneLine.ToString();
    }

    private static string? BrokerMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(message.GetString())
                    ? message.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null; // not JSON: the excerpt of the body says it instead
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
