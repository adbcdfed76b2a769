using System.Collections.Concurrent;
using System.Net.Http.Headers;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Execution.Alpaca;

/// <summary>
/// Refuses orders for assets Alpaca will not trade, before anything is sent. Answers are kept for
/// <see cref="AlpacaBrokerApiOptions.AssetCacheDuration"/> on the injected clock.
/// </summary>
public sealed class AlpacaAssetCheck(
    BrokerHttpTransport transport, AuthenticationHeaderValue authorization, AlpacaBrokerApiOptions options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<Symbol, (AlpacaAsset Asset, DateTimeOffset ReadAt)> cache = new();

    /// <summary>Null when the asset may be ordered; otherwise why not.</summary>
    public async Task<BrokerFailure?> RefusalAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (cache.TryGetValue(symbol, out var cached) && now - cached.ReadAt < options.AssetCacheDuration)
            return Refusal(symbol, cached.Asset);
        var outcome = await transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"v1/assets/{Uri.EscapeDataString(symbol.Value)}")
            {
                Headers = { Authorization = authorization },
            },
            BrokerCallKind.Read,
            cancellationToken).ConfigureAwait(false);
        if (outcome is not BrokerHttpOutcome.Answered answer)
            return outcome.ToFailure();
        if (!BrokerJson.TryRead<AlpacaAsset>(answer, AlpacaJson.Options, out var asset, out var unreadable))
            return unreadable;
        if (asset.Status is null || asset.Tradable is null)
            return BrokerFailures.InvalidResponse(answer.StatusCode, "missing field 'status' or 'tradable'", answer.Body);
        cache[symbol] = (asset, now);
        return Refusal(symbol, asset);
    }

    private static BrokerFailure? Refusal(Symbol symbol, AlpacaAsset asset)
    {
        if (asset.Status != "active")
            return BrokerFailures.Rejected($"rejected: {symbol} is not active at the broker (AssetNotActive)");
        if (asset.Tradable != true)
            return BrokerFailures.Rejected($"rejected: {symbol} is not tradable at the broker (AssetNotTradable)");
        return null;
    }
}
