using TradingBot.Acceptance.Domain.Execution.Schwab;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>Refreshes Schwab's access token ahead of its expiry, so a hedge never waits for a refresh.</summary>
public sealed class SchwabTokenMaintenance(SchwabTokenSource tokens) : IExecutorMaintenance
{
    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        if (await tokens.AccessTokenAsync(cancellationToken).ConfigureAwait(false) is SchwabTokenResult.Failed failed)
            throw new InvalidOperationException($"Schwab token refresh failed: {failed.Failure.Reason}");
    }
}
