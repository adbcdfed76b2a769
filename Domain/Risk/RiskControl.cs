using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>
/// The bot's control decisions as they stand (one aggregate per bot, id <see cref="Id"/>): whether the kill
/// switch is engaged and why, whether hedges go to the fallback broker, and the latest alerts. Running
/// totals (the day's notional, the failures in a row) are not kept here: they are read from the order view.
/// </summary>
public sealed record RiskControl(KillSwitchState? KillSwitch, DateTimeOffset? LastResetAt, FallbackState? Fallback, IReadOnlyList<RiskAlert> RecentAlerts)
{
    /// <summary>The one stream of control decisions of a bot.</summary>
    public const string Id = "risk";

    /// <summary>How many alerts the state keeps, newest last.</summary>
    public const int AlertsKept = 20;

    public static readonly RiskControl Initial = new(null, null, null, []);

    public bool KillSwitchEngaged => KillSwitch is not null;
}

/// <summary>Why the kill switch was engaged, by whom and when.</summary>
public sealed record KillSwitchState(string Reason, KillSwitchCause Cause, string By, DateTimeOffset EngagedAt);

/// <summary>What engaged the kill switch: a new UTC day resets only <see cref="DailyLimit"/>, and only when configured.</summary>
public enum KillSwitchCause
{
    Operator,
    FailedOrders,
    DailyLimit,
}

/// <summary>Hedges go to <paramref name="To"/> since <paramref name="Since"/> because <paramref name="From"/> is down.</summary>
public sealed record FallbackState(SupportedExecutor From, SupportedExecutor To, string Reason, DateTimeOffset Since);

/// <summary>Something an operator should know about, with the event that raised it.</summary>
public sealed record RiskAlert(string Alert, string Detail, DateTimeOffset RaisedAt);
