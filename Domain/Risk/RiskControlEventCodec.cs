using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using Event = TradingBot.Acceptance.Domain.Risk.RiskControlEvent;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>Stored names and snake_case payloads of the control decisions (version 1.0).</summary>
public sealed class RiskControlEventCodec : EventCodec<Event>
{
    public RiskControlEventCodec()
    {
        Add<Event.OrderSliced>("OrderSliced",
            (writer, e) =>
            {
                writer.WriteString("symbol", e.Symbol.Value);
                writer.WriteDecimal("wanted", e.Wanted.Value);
                writer.WriteDecimal("placed", e.Placed.Value);
                writer.WriteDecimal("price", e.Price.Value);
                writer.WriteDecimal("order_limit_usd", e.OrderLimit.Value);
                writer.WriteTimestamp("sliced_at", e.SlicedAt);
            },
            body => new(new Symbol(body.GetText("symbol")), new FractionalShares(body.GetDecimal("wanted")), new FractionalShares(body.GetDecimal("placed")),
                new Usd(body.GetDecimal("price")), new Usd(body.GetDecimal("order_limit_usd")), body.GetTimestamp("sliced_at")));
        Add<Event.KillSwitchEngaged>("KillSwitchEngaged",
            (writer, e) =>
            {
                writer.WriteString("reason", e.Reason);
                writer.WriteEnum("cause", e.Cause);
                writer.WriteString("by", e.By);
                writer.WriteTimestamp("engaged_at", e.EngagedAt);
            },
            body => new(body.GetText("reason"), body.GetEnum<KillSwitchCause>("cause"), body.GetText("by"), body.GetTimestamp("engaged_at")));
        Add<Event.KillSwitchReset>("KillSwitchReset",
            (writer, e) =>
            {
                writer.WriteString("by", e.By);
                writer.WriteTimestamp("reset_at", e.ResetAt);
            },
            body => new(body.GetText("by"), body.GetTimestamp("reset_at")));
        Add<Event.FallbackStarted>("FallbackStarted",
            (writer, e) =>
            {
                writer.WriteEnum("from", e.From);
                writer.WriteEnum("to", e.To);
                writer.WriteString("reason", e.Reason);
                writer.WriteTimestamp("started_at", e.StartedAt);
            },
            body => new(body.GetEnum<SupportedExecutor>("from"), body.GetEnum<SupportedExecutor>("to"), body.GetText("reason"), body.GetTimestamp("started_at")));
        Add<Event.FallbackEnded>("FallbackEnded",
            (writer, e) =>
            {
                writer.WriteEnum("to", e.To);
                writer.WriteTimestamp("ended_at", e.EndedAt);
            },
            body => new(body.GetEnum<SupportedExecutor>("to"), body.GetTimestamp("ended_at")));
        Add<Event.AlertRaised>("AlertRaised",
            (writer, e) =>
            {
                writer.WriteString("alert", e.Alert);
                writer.WriteString("detail", e.Detail);
                writer.WriteTimestamp("raised_at", e.RaisedAt);
            },
            body => new(body.GetText("alert"), body.GetText("detail"), body.GetTimestamp("raised_at")));
    }
}
