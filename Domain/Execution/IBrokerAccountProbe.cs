namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>
/// An executor whose credentials can be refused. After a 401 it stops placing and polling
/// (<see cref="AuthenticationFailed"/>) until an account probe on a later checker tick succeeds.
/// </summary>
public interface IBrokerAccountProbe
{
    /// <summary>True after the broker refused the credentials and before a successful probe.</summary>
    bool AuthenticationFailed { get; }

    /// <summary>Reads the broker account; an active account clears <see cref="AuthenticationFailed"/>.</summary>
    Task<AccountProbeResult> ProbeAccountAsync(CancellationToken cancellationToken);
}
