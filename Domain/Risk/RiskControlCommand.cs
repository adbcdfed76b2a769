using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Risk;

public abstract record RiskControlCommand
{
    private RiskControlCommand() { }

    public sealed record SliceOrder(Symbol Symbol, FractionalShares Wanted, FractionalShares Placed, Usd Price, Usd OrderLimit) : RiskControlCommand;

    public sealed record EngageKillSwitch(string Reason, KillSwitchCause Cause, string By) : RiskControlCommand;

    public sealed record ResetKillSwitch(string By) : RiskControlCommand;

    public sealed record StartFallback(SupportedExecutor From, SupportedExecutor To, string Reason) : RiskControlCommand;

    public sealed record EndFallback(SupportedExecutor To) : RiskControlCommand;

    public sealed record RaiseAlert(string Alert, string Detail) : RiskControlCommand;
}
