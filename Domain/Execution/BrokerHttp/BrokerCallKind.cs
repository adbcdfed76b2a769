namespace TradingBot.Acceptance.Domain.Execution.BrokerHttp;

/// <summary>How a broker call may be retried and whether an authentication failure blocks it.</summary>
public enum BrokerCallKind
{
    /// <summary>Sends an order: only a 429 is resent, since a 5xx may have placed it.</summary>
    Placement,
    /// <summary>Reads state: 5xx is retried with backoff; 429 pauses further reads until Retry-After.</summary>
    Read,
    /// <summary>Reads the account or exchanges credentials: a read that an authentication failure does not block.</summary>
    AccountProbe,
}
