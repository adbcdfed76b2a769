namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>Why a broker call did not give a usable answer.</summary>
public enum BrokerFailureKind
{
    /// <summary>The broker refused the order (4xx, inactive asset, Schwab fraction, a fake's configured failure).</summary>
    Rejected,
    /// <summary>The credentials were refused (401).</summary>
    Authentication,
    /// <summary>Too many requests (429) after the allowed retries.</summary>
    RateLimited,
    /// <summary>The broker failed (5xx).</summary>
    ServerError,
    /// <summary>The answer could not be read (malformed JSON, missing field, unknown status).</summary>
    InvalidResponse,
    /// <summary>No answer in time.</summary>
    TimedOut,
    /// <summary>The request never reached the broker.</summary>
    ConnectionFailed,
}
