using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>
/// What an operator sees of the controls: the kill switch (engaged, why, by whom, since when), which broker
/// gets new hedges and why, the limits in force and the latest alerts, newest last.
/// </summary>
public sealed record RiskStatus(
    KillSwitchState? KillSwitch,
    FallbackState? Fallback,
    SupportedExecutor MainBroker,
    SupportedExecutor? FallbackBroker,
    RiskSettings Settings,
    IReadOnlyList<RiskAlert> RecentAlerts)
{
    public bool KillSwitchEngaged => KillSwitch is not null;

    /// <summary>The broker new hedges go to now.</summary>
    public SupportedExecutor ActiveBroker => Fallback?.To ?? MainBroker;
}
