namespace TradingBot.Acceptance.Domain.Risk;

public abstract record RiskControlError
{
    private RiskControlError() { }

    /// <summary>Only an engaged kill switch can be reset.</summary>
    public sealed record KillSwitchNotEngaged : RiskControlError;

    /// <summary>A command with an empty text field (a reason, who, an alert).</summary>
    public sealed record Blank(string Field) : RiskControlError;

    /// <summary>A slice must be smaller than the hedge it cuts and more than nothing.</summary>
    public sealed record NotASlice(string Detail) : RiskControlError;
}
