namespace TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

/// <summary>The state of the bot's controls an operator reads (§14): kill switch, fallback, limits, alerts.</summary>
public sealed record ControlsSnapshot(
    KillSwitchState KillSwitch,
    FallbackState Fallback,
    LimitsState Limits,
    IReadOnlyList<OperatorAlert> Alerts);

/// <summary>Whether new broker orders are stopped, why and since when.</summary>
public sealed record KillSwitchState(bool Engaged, string? Reason, DateTimeOffset? EngagedAt);

/// <summary>Whether new hedges go to the fallback broker instead of the main one, and why.</summary>
public sealed record FallbackState(bool Active, string? Broker, string? Reason);

/// <summary>The order limit and the daily limit in dollars; <c>null</c> is no limit.</summary>
public sealed record LimitsState(decimal? OrderLimitUsd, decimal? DailyLimitUsd);

/// <summary>An event an operator should see (<c>KillSwitchEngaged</c>, <c>FallbackStarted</c>, …), newest last.</summary>
public sealed record OperatorAlert(DateTimeOffset? At, string Event, string Detail);
