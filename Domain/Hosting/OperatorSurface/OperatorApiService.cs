using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

/// <summary>
/// Runs the operator API for as long as the hosted bot runs: it starts with the bot's tasks and stops with them. With
/// active and standby it runs on both instances, and its status says which one leads.
/// </summary>
public sealed class OperatorApiService(
    OperatorApiSettings settings, RiskControls risk, EventStoreDatabase database, ILogger<OperatorApi> logger, LeadershipLease? leadership = null)
    : IHostedService, IAsyncDisposable
{
    /// <summary>The running API (its address), once the bot has started.</summary>
    public OperatorApi? Api { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken) =>
        Api = await OperatorApi.StartAsync(settings, risk, database, logger, cancellationToken, leadership is null ? null : () => leadership.Role).ConfigureAwait(false);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Api is not null)
            await Api.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
            await Api.DisposeAsync().ConfigureAwait(false);
        Api = null;
    }
}
