namespace TradingBot.Acceptance.Domain.OffchainOrders;

/// <summary>The rules' numbers and words for orders in doubt (docs/domain.md §13).</summary>
public static class OrderDoubt
{
    /// <summary>Why the bot asks the broker to cancel an acknowledged order.</summary>
    public const string CancelReason = "stale execution: no status for 10 minutes";

    /// <summary>Why an order in doubt that the broker canceled with nothing filled failed.</summary>
    public const string CanceledReason = "canceled at the broker after 10 minutes without status";

    /// <summary>An acknowledged order whose lease is older than this is in doubt.</summary>
    public static readonly TimeSpan After = TimeSpan.FromMinutes(10);

    /// <summary>How long after its cancel request an order still in doubt raises the operator alert.</summary>
    public static readonly TimeSpan AlertAfter = TimeSpan.FromMinutes(60);

    /// <summary>How long a pending order failed as stale is still looked up at the broker for a late fill.</summary>
    public static readonly TimeSpan LateFillWindow = TimeSpan.FromHours(24);
}
