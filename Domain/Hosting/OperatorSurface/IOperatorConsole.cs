namespace TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

/// <summary>
/// What an operator may do to the running bot's controls (DOMAIN §14.4): read them, engage or reset the
/// kill switch, change the limits. The operator API calls it over HTTP; scenarios that are not <c>@e2e</c>
/// call the same commands in process. A change applies to the next hedge decision, never to an order
/// already placed.
/// </summary>
public interface IOperatorConsole
{
    /// <summary>The kill switch, the fallback broker, the limits and the recent alerts, as they are now.</summary>
    Task<ControlsSnapshot> ControlsAsync(CancellationToken cancellationToken);

    /// <summary>Engages the kill switch: no new broker order until an operator resets it.</summary>
    Task EngageKillSwitchAsync(string reason, CancellationToken cancellationToken);

    Task ResetKillSwitchAsync(string by, CancellationToken cancellationToken);

    /// <summary>Sets the limits the change names and keeps the others.</summary>
    Task SetLimitsAsync(LimitsChange change, CancellationToken cancellationToken);
}

/// <summary>New values for the order limit and the daily limit; <c>null</c> keeps the current one.</summary>
public sealed record LimitsChange(decimal? OrderLimitUsd, decimal? DailyLimitUsd);
