using TradingBot.Acceptance.Domain.Execution.Schwab;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// Renews Schwab's access token ahead of its expiry, so a hedge never waits for a refresh: each round, run every
/// <paramref name="interval"/>, leaves a token that is still valid when the next round comes.
/// </summary>
public sealed class SchwabTokenMaintenance(SchwabTokenSource tokens, TimeSpan interval) : IExecutorMaintenance
{
    public async Task MaintainAsync(CancellationToken cancellationToken)
    {
        if (await tokens.AccessTokenValidForAsync(interval, cancellationToken).ConfigureAwait(false) is SchwabTokenResult.Failed failed)
            throw new InvalidOperationException($"Schwab token refresh failed: {failed.Failure.Reason}");
    }
}
