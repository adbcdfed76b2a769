using System.Text.Json.Serialization;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

/// <summary>What <c>GET /status</c> answers (and every command, after it): the controls of §14, every position, the orders in doubt and, with active and standby, the instance's role.</summary>
public sealed record OperatorStatus(
    KillSwitchRow KillSwitch,
    FallbackRow Fallback,
    LimitsRow Limits,
    IReadOnlyList<PositionRow> Positions,
    IReadOnlyList<AlertRow> Alerts,
    IReadOnlyList<OrderInDoubtRow> OrdersInDoubt)
{
    /// <summary>With active and standby: <c>active</c> on the instance holding the leadership lease, else <c>standby</c>; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Role { get; init; }

    /// <summary>The controls as <paramref name="risk"/> holds them now, the positions and orders as the views of <paramref name="database"/> do.</summary>
    public static OperatorStatus Read(RiskControls risk, EventStoreDatabase database)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var status = risk.Status();
        var engaged = status.KillSwitch;
        var fallback = status.Fallback;
        return new OperatorStatus(
            new KillSwitchRow(engaged is not null, engaged?.Reason, engaged?.By, engaged?.EngagedAt),
            new FallbackRow(status.MainBroker.ToString(), status.FallbackBroker?.ToString(), status.ActiveBroker.ToString(), fallback is not null, fallback?.Reason, fallback?.Since),
            new LimitsRow(status.Settings.OrderLimit?.Value, status.Settings.DailyLimit?.Value, status.Settings.KillSwitchAfterFailures, status.Settings.AutoResetDaily),
            [.. new PositionView(database).All().Select(position => new PositionRow(position.Symbol.Value, position.Net.Value, position.PendingExecutionId?.ToString()))],
            [.. status.RecentAlerts.Select(alert => new AlertRow(alert.Alert, alert.Detail, alert.RaisedAt))],
            InDoubt(database));
    }

    // An order is in doubt from the cancel the bot asked for until the broker says how it ended (docs/domain.md §13).
    private static List<OrderInDoubtRow> InDoubt(EventStoreDatabase database) =>
        [.. new OffchainOrderView(database).InDoubt()
            .Select(tracked => new OrderInDoubtRow(tracked.ExecutionId.ToString(), tracked.Order.Terms.Symbol.Value, tracked.Order.CancelRequested!.RequestedAt))];
}

/// <summary>Whether new broker orders are stopped, why, by whom and since when.</summary>
public sealed record KillSwitchRow(bool Engaged, string? Reason, string? By, DateTimeOffset? EngagedAt);

/// <summary>The main and fallback brokers, the one that gets new hedges now and, while on the fallback, why.</summary>
public sealed record FallbackRow(string MainBroker, string? FallbackBroker, string ActiveBroker, bool Active, string? Reason, DateTimeOffset? Since);

/// <summary>The controls in force; a <c>null</c> limit is no limit.</summary>
public sealed record LimitsRow(decimal? OrderLimitUsd, decimal? DailyLimitUsd, int? KillSwitchAfterFailures, bool AutoResetDaily);

/// <summary>One symbol's net exposure and the hedge it waits on, if any.</summary>
public sealed record PositionRow(string Symbol, decimal Net, string? PendingExecutionId);

/// <summary>Something an operator should know about (<c>KillSwitchEngaged</c>, <c>FallbackStarted</c>, …), newest last.</summary>
public sealed record AlertRow(string Alert, string Detail, DateTimeOffset RaisedAt);

/// <summary>An order whose cancel the bot asked for and whose end the broker has not told: its symbol stays blocked.</summary>
public sealed record OrderInDoubtRow(string ExecutionId, string Symbol, DateTimeOffset Since);
