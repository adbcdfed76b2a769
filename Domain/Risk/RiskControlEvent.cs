using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>Every control decision the bot records on its <see cref="RiskControl"/> stream.</summary>
public abstract record RiskControlEvent
{
    private RiskControlEvent() { }

    /// <summary>A hedge above the order limit was cut to <paramref name="Placed"/>; the rest waits on the position.</summary>
    public sealed record OrderSliced(Symbol Symbol, FractionalShares Wanted, FractionalShares Placed, Usd Price, Usd OrderLimit, DateTimeOffset SlicedAt)
        : RiskControlEvent;

    public sealed record KillSwitchEngaged(string Reason, KillSwitchCause Cause, string By, DateTimeOffset EngagedAt) : RiskControlEvent;

    public sealed record KillSwitchReset(string By, DateTimeOffset ResetAt) : RiskControlEvent;

    public sealed record FallbackStarted(SupportedExecutor From, SupportedExecutor To, string Reason, DateTimeOffset StartedAt) : RiskControlEvent;

    public sealed record FallbackEnded(SupportedExecutor To, DateTimeOffset EndedAt) : RiskControlEvent;

    /// <summary>An alert with no decision of its own (an order in doubt, a late fill), kept for the operator.</summary>
    public sealed record AlertRaised(string Alert, string Detail, DateTimeOffset RaisedAt) : RiskControlEvent;
}
