using TradingBot.Acceptance.Domain.EventSourcing;
using Command = TradingBot.Acceptance.Domain.Risk.RiskControlCommand;
using Error = TradingBot.Acceptance.Domain.Risk.RiskControlError;
using Event = TradingBot.Acceptance.Domain.Risk.RiskControlEvent;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>
/// Decides and folds the control decisions. Engaging an engaged kill switch, starting a fallback already
/// started or ending one not started changes nothing (two deciders may see the same cause); resetting a kill
/// switch that is not engaged is refused, so an operator learns it.
/// </summary>
public static class RiskControlDecider
{
    public static readonly AggregateKind<RiskControl, Command, Event, Error> Kind =
        new("RiskControl", RiskControl.Initial, Decide, Evolve, new RiskControlEventCodec())
        {
            ViewTable = RiskControlView.Table,
            View = RiskControlView.Write,
        };

    public static Decision<Event, Error> Decide(RiskControl state, Command command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return command switch
        {
            Command.SliceOrder slice when slice.Placed.Value <= 0m || slice.Placed >= slice.Wanted =>
                Reject(new Error.NotASlice($"{slice.Placed} of {slice.Wanted} {slice.Symbol}")),
            Command.SliceOrder slice => Accept(new Event.OrderSliced(slice.Symbol, slice.Wanted, slice.Placed, slice.Price, slice.OrderLimit, now)),
            Command.EngageKillSwitch engage when string.IsNullOrWhiteSpace(engage.Reason) => Reject(new Error.Blank("reason")),
            Command.EngageKillSwitch engage when string.IsNullOrWhiteSpace(engage.By) => Reject(new Error.Blank("by")),
            Command.EngageKillSwitch when state.KillSwitchEngaged => Nothing(),
            Command.EngageKillSwitch engage => Accept(new Event.KillSwitchEngaged(engage.Reason, engage.Cause, engage.By, now)),
            Command.ResetKillSwitch reset when string.IsNullOrWhiteSpace(reset.By) => Reject(new Error.Blank("by")),
            Command.ResetKillSwitch when !state.KillSwitchEngaged => Reject(new Error.KillSwitchNotEngaged()),
            Command.ResetKillSwitch reset => Accept(new Event.KillSwitchReset(reset.By, now)),
            Command.StartFallback start when state.Fallback?.To == start.To => Nothing(),
            Command.StartFallback start => Accept(new Event.FallbackStarted(start.From, start.To, start.Reason, now)),
            Command.EndFallback when state.Fallback is null => Nothing(),
            Command.EndFallback end => Accept(new Event.FallbackEnded(end.To, now)),
            Command.RaiseAlert alert when string.IsNullOrWhiteSpace(alert.Alert) => Reject(new Error.Blank("alert")),
            Command.RaiseAlert alert => Accept(new Event.AlertRaised(alert.Alert, alert.Detail, now)),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown RiskControl command."),
        };
    }

    public static RiskControl Evolve(RiskControl state, Event @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            Event.OrderSliced => state,
            Event.KillSwitchEngaged e => Alerted(
                state with { KillSwitch = new KillSwitchState(e.Reason, e.Cause, e.By, e.EngagedAt) }, "KillSwitchEngaged", e.Reason, e.EngagedAt),
            Event.KillSwitchReset e => state with { KillSwitch = null, LastResetAt = e.ResetAt },
            Event.FallbackStarted e => Alerted(
                state with { Fallback = new FallbackState(e.From, e.To, e.Reason, e.StartedAt) }, "FallbackStarted", e.Reason, e.StartedAt),
            Event.FallbackEnded => state with { Fallback = null },
            Event.AlertRaised e => Alerted(state, e.Alert, e.Detail, e.RaisedAt),
            _ => throw new CorruptStreamException(state, @event),
        };
    }

    private static RiskControl Alerted(RiskControl state, string alert, string detail, DateTimeOffset at) =>
        state with { RecentAlerts = [.. state.RecentAlerts.TakeLast(RiskControl.AlertsKept - 1), new RiskAlert(alert, detail, at)] };

    private static Decision<Event, Error> Accept(Event @event) => new Decision<Event, Error>.Accepted([@event]);

    private static Decision<Event, Error> Nothing() => new Decision<Event, Error>.Accepted([]);

    private static Decision<Event, Error> Reject(Error error) => new Decision<Event, Error>.Rejected(error);
}
