using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>The <c>risk_control_view</c> row: the kill switch, the fallback and the latest alerts, as they stand.</summary>
public static class RiskControlView
{
    public const string Table = "risk_control_view";

    public static void Write(Utf8JsonWriter writer, RiskControl state)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(state);
        writer.WriteStartObject();
        writer.WriteBoolean("kill_switch_engaged", state.KillSwitchEngaged);
        if (state.KillSwitch is { } engaged)
        {
            writer.WriteString("kill_switch_reason", engaged.Reason);
            writer.WriteEnum("kill_switch_cause", engaged.Cause);
            writer.WriteString("kill_switch_by", engaged.By);
            writer.WriteTimestamp("kill_switch_engaged_at", engaged.EngagedAt);
        }

        if (state.Fallback is { } fallback)
        {
            writer.WriteEnum("fallback_from", fallback.From);
            writer.WriteEnum("fallback_to", fallback.To);
            writer.WriteString("fallback_reason", fallback.Reason);
            writer.WriteTimestamp("fallback_since", fallback.Since);
        }

        writer.WriteStartArray("recent_alerts");
        foreach (var alert in state.RecentAlerts)
        {
            writer.WriteStartObject();
            writer.WriteString("alert", alert.Alert);
            writer.WriteString("detail", alert.Detail);
            writer.WriteTimestamp("raised_at", alert.RaisedAt);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
