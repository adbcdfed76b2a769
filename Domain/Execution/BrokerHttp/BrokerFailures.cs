using System.Globalization;
using TradingBot.Acceptance.Domain.Http;

namespace TradingBot.Acceptance.Domain.Execution.BrokerHttp;

/// <summary>The classified failures and their reason texts, the same for every broker adapter.</summary>
public static class BrokerFailures
{
    public static BrokerFailure Authentication { get; } = new(BrokerFailureKind.Authentication, "authentication failed");

    public static BrokerFailure RateLimited { get; } = new(BrokerFailureKind.RateLimited, "rate limited");

    public static BrokerFailure TimedOut { get; } = new(BrokerFailureKind.TimedOut, "timed out");

    public static BrokerFailure ConnectionFailed { get; } = new(BrokerFailureKind.ConnectionFailed, "connection failed");

    public static BrokerFailure CircuitOpen { get; } =
        new(BrokerFailureKind.ConnectionFailed, "connection failed: circuit open after repeated broker failures");

    public static BrokerFailure ServerError(int statusCode) =>
        new(BrokerFailureKind.ServerError, Invariant($"server error ({statusCode})"));

    /// <summary>A 4xx: the broker's own <c>message</c> when it sent one, else an excerpt of the body (credentials redacted).</summary>
    public static BrokerFailure Rejected(int statusCode, string body) =>
        new(BrokerFailureKind.Rejected, Invariant($"rejected ({statusCode}): {HttpErrorText.Message(body)}"));

    /// <summary>A refusal decided before anything was sent (inactive asset, Schwab fraction).</summary>
    public static BrokerFailure Rejected(string reason) => new(BrokerFailureKind.Rejected, reason);

    /// <summary>A 2xx we cannot use; the problem may quote the answer, so it is redacted like the body.</summary>
    public static BrokerFailure InvalidResponse(int statusCode, string problem, string body) =>
        new(BrokerFailureKind.InvalidResponse, Invariant($"invalid response ({statusCode}): {HttpErrorText.Excerpt(problem)}; body: {HttpErrorText.Excerpt(body)}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
