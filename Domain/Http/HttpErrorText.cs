using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradingBot.Acceptance.Domain.Http;

/// <summary>
/// What an error text may say about an answer: its status and a short excerpt of its body, on one line,
/// with every credential replaced by <c>***</c>. A whole body never reaches an exception, a log or an event.
/// </summary>
public static partial class HttpErrorText
{
    public const int ExcerptLength = 80;

    private const string Hidden = "***";

    /// <summary><c>"{status} {message}"</c>: the body's own <c>message</c> when it is JSON that has one, else an excerpt.</summary>
    public static string Describe(HttpStatusCode status, string body) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)status} {Message(body)}");

    /// <summary>The body's JSON <c>message</c>, or the body itself; redacted and cut to an excerpt either way.</summary>
    public static string Message(string body) => Excerpt(JsonMessage(body) ?? body);

    /// <summary>The text redacted, on one line, cut after <see cref="ExcerptLength"/> characters.</summary>
    public static string Excerpt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = new StringBuilder(ExcerptLength + 1);
        foreach (var word in Redact(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
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

    /// <summary>
    /// The one redaction rule: the value of a credential — a token, an authorization, a secret, an API key or
    /// key id, a password — becomes <c>***</c>, whether it stands as a JSON field, a query or form parameter,
    /// a header line or a bearer token.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = JsonCredential().Replace(text, match => $"{match.Groups["name"].Value}{match.Groups["separator"].Value}\"{Hidden}\"");
        text = ParameterCredential().Replace(text, match => $"{match.Groups["name"].Value}={Hidden}");
        text = HeaderCredential().Replace(text, match => $"{match.Groups["name"].Value}: {Hidden}");
        return BearerToken().Replace(text, match => $"{match.Groups["scheme"].Value} {Hidden}");
    }

    private static string? JsonMessage(string body)
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

    // The names that hold credentials, alone or inside a longer name (client_secret, APCA-API-KEY-ID, x-api-key).
    private const string CredentialName =
        @"(?:[\w-]*(?:access_token|refresh_token|id_token|secret|api[_-]?key|key[_-]?id|password)[\w-]*|token|authorization)";

    [GeneratedRegex("(?<name>\"" + CredentialName + "\")(?<separator>\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonCredential();

    [GeneratedRegex(@"(?<name>\b" + CredentialName + @")=[^&\s""']*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParameterCredential();

    [GeneratedRegex(@"(?<name>\b" + CredentialName + @"):[ \t]*(?!\*\*\*)(?:(?:Bearer|Basic)[ \t]+)?[^\s,;""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderCredential();

    [GeneratedRegex(@"\b(?<scheme>Bearer|Basic)[ \t]+(?!\*\*\*)[A-Za-z0-9\-._~+/]+=*", RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();
}
