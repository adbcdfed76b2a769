namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>How Alpaca refused a mint request (§9.2).</summary>
public enum TokenizationErrorKind
{
    InsufficientPosition,
    UnsupportedAccount,
    InvalidParameters,
    ApiError,
}
