using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TradingBot.Acceptance.Domain.Risk;

/// <summary>The control decisions that are alerts (docs/domain.md §14.4), written to the bot's log as warnings with their event.</summary>
public sealed partial class RiskControls
{
    /// <summary>Where the alerts go: the bot's log, so that an operator watching it sees them as they are decided.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    private void LogAlerts(IReadOnlyList<RiskControlEvent> decisions)
    {
        foreach (var decision in decisions)
        {
            switch (decision)
            {
                case RiskControlEvent.KillSwitchEngaged engaged:
                    LogKillSwitchEngaged(Logger, engaged.Reason, engaged.By);
                    break;
                case RiskControlEvent.FallbackStarted started:
                    LogFallbackStarted(Logger, BrokerRoute.Name(started.To), BrokerRoute.Name(started.From), started.Reason);
                    break;
                case RiskControlEvent.AlertRaised alert:
                    LogAlertRaised(Logger, alert.Alert, alert.Detail);
                    break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "KillSwitchEngaged: no new broker order until an operator resets it, engaged by {By} because {Reason}")]
    private static partial void LogKillSwitchEngaged(ILogger logger, string reason, string by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FallbackStarted: new hedges go to {To} while {From} is down ({Reason})")]
    private static partial void LogFallbackStarted(ILogger logger, string to, string from, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AlertRaised {Alert}: {Detail}")]
    private static partial void LogAlertRaised(ILogger logger, string alert, string detail);
}
