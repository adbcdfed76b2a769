using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Execution.Schwab;

/// <summary>
/// The Schwab Trader API adapter: OAuth bearer token kept fresh, whole shares only, the order id read
/// from the Location header of the placement. Failures are classified as for Alpaca (DOMAIN §10).
/// </summary>
public sealed class SchwabExecutor : IExecutor, IBrokerAccountProbe, IDisposable
{
    public const string FractionalSharesReason = "Schwab does not trade fractional shares";

    private readonly BrokerHttpTransport transport;
    private readonly SchwabTokenSource tokens;
    private readonly SchwabOptions options;
    private readonly TimeProvider timeProvider;
    private readonly string accountPath;

    public SchwabExecutor(HttpClient httpClient, SchwabOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AppKey, nameof(options.AppKey));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AppSecret, nameof(options.AppSecret));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.RefreshToken, nameof(options.RefreshToken));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AccountHash, nameof(options.AccountHash));
        transport = new BrokerHttpTransport(httpClient, options.Http, timeProvider);
        tokens = new SchwabTokenSource(transport, options, timeProvider);
        this.options = options;
        this.timeProvider = timeProvider;
        accountPath = $"trader/v1/accounts/{Uri.EscapeDataString(options.AccountHash)}";
    }

    public SupportedExecutor Kind => SupportedExecutor.Schwab;

    public bool AuthenticationFailed => transport.AuthenticationFailed;

    /// <summary>The connection's access token, for the upkeep that renews it ahead of its expiry.</summary>
    public SchwabTokenSource Tokens => tokens;

    public async Task<bool> IsMarketOpenAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var day = TimeZoneInfo.ConvertTime(now, options.MarketTimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var outcome = await SendAsync(HttpMethod.Get, $"marketdata/v1/markets/equity?date={day}", null, BrokerCallKind.Read, cancellationToken).ConfigureAwait(false);
        return SchwabMarketHours.IsOpen(outcome, now);
    }

    public async Task<PlacementResult> PlaceMarketOrderAsync(MarketOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Shares.Value <= 0m)
            throw new ArgumentOutOfRangeException(nameof(order), order.Shares, "MarketOrder.Shares must be positive; the direction carries the side.");
        if (order.Shares != order.Shares.TruncateToWholeShares())
            return new PlacementResult.Rejected(BrokerFailures.Rejected(FractionalSharesReason));
        var body = new SchwabOrderRequest("MARKET", "NORMAL", "DAY", "SINGLE",
        [
            new SchwabOrderLeg(order.Direction == Direction.Buy ? "BUY" : "SELL", order.Shares.TruncateToWholeShares().Value, new SchwabInstrument(order.Symbol.Value, "EQUITY")),
        ]);
        var outcome = await SendAsync(HttpMethod.Post, $"{accountPath}/orders", body, BrokerCallKind.Placement, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            BrokerHttpOutcome.Answered answer => OrderIdFromLocation(answer.Location) is { } orderId
                ? new PlacementResult.Accepted(orderId)
                : new PlacementResult.Unknown(BrokerFailures.InvalidResponse(answer.StatusCode, "missing order id in the Location header", answer.Body)),
            BrokerHttpOutcome.Refused refused => new PlacementResult.Rejected(refused.Failure),
            _ => new PlacementResult.Unknown(outcome.ToFailure()),
        };
    }

    public async Task<BrokerOrderState> GetOrderStatusAsync(BrokerOrderId orderId, CancellationToken cancellationToken)
    {
        var outcome = await SendAsync(
            HttpMethod.Get, $"{accountPath}/orders/{Uri.EscapeDataString(orderId.Value)}", null, BrokerCallKind.Read, cancellationToken).ConfigureAwait(false);
        if (outcome is not BrokerHttpOutcome.Answered answer)
            return new BrokerOrderState.Unreadable(outcome.ToFailure());
        if (!BrokerJson.TryRead<SchwabOrder>(answer, SchwabJson.Options, out var order, out var unreadable))
            return new BrokerOrderState.Unreadable(unreadable);
        return SchwabOrderStatusMapping.ToState(order, orderId, answer, timeProvider.GetUtcNow());
    }

    /// <summary>The Trader API keeps no client order id: an unknown placement is left to stale cleanup.</summary>
    public Task<ClientOrderLookup> FindByClientOrderIdAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken) =>
        Task.FromResult<ClientOrderLookup>(new ClientOrderLookup.Failed(
            BrokerFailures.Rejected("Schwab cannot look orders up by client order id")));

    /// <summary>
    /// <c>DELETE …/orders/{orderId}</c>: 2xx takes the request; 400, 404 and 422 mean the order can no longer be
    /// canceled (it ended): its status says how. Sent once, like an order: a 5xx is left to the next check.
    /// </summary>
    public async Task<CancelResult> CancelOrderAsync(BrokerOrderId orderId, CancellationToken cancellationToken)
    {
        var outcome = await SendAsync(
            HttpMethod.Delete, $"{accountPath}/orders/{Uri.EscapeDataString(orderId.Value)}", null, BrokerCallKind.Placement, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            BrokerHttpOutcome.Answered => new CancelResult.Requested(),
            BrokerHttpOutcome.Refused { StatusCode: 400 or 404 or 422 } => new CancelResult.AlreadyEnded(),
            _ => new CancelResult.Unanswered(outcome.ToFailure()),
        };
    }

    public async Task<AccountProbeResult> ProbeAccountAsync(CancellationToken cancellationToken)
    {
        var outcome = await SendAsync(HttpMethod.Get, accountPath, null, BrokerCallKind.AccountProbe, cancellationToken).ConfigureAwait(false);
        if (outcome is not BrokerHttpOutcome.Answered answer)
            return new AccountProbeResult.Failed(outcome.ToFailure());
        transport.RecordAuthenticationRestored();
        return new AccountProbeResult.Active(CashBalance(answer.Body));
    }

    public void Dispose() => tokens.Dispose();

    private async Task<BrokerHttpOutcome> SendAsync(
        HttpMethod method, string path, object? body, BrokerCallKind kind, CancellationToken cancellationToken)
    {
        if (kind != BrokerCallKind.AccountProbe && transport.AuthenticationFailed)
            return new BrokerHttpOutcome.Refused(BrokerFailures.Authentication, null);
        var token = await tokens.AccessTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is SchwabTokenResult.Failed failed)
            return new BrokerHttpOutcome.Refused(failed.Failure, null);
        var bearer = new AuthenticationHeaderValue("Bearer", ((SchwabTokenResult.Granted)token).AccessToken);
        return await transport.SendAsync(
            () => new HttpRequestMessage(method, path)
            {
                Headers = { Authorization = bearer },
                Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: SchwabJson.Options),
            },
            kind,
            cancellationToken).ConfigureAwait(false);
    }

    private static BrokerOrderId? OrderIdFromLocation(Uri? location)
    {
        var lastSegment = location?.OriginalString.TrimEnd('/').Split('/')[^1];
        return string.IsNullOrWhiteSpace(lastSegment) || !lastSegment.All(char.IsAsciiDigit) ? null : new BrokerOrderId(lastSegment);
    }

    private static Usd? CashBalance(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("securitiesAccount", out var account) && account.ValueKind == JsonValueKind.Object
                && account.TryGetProperty("currentBalances", out var balances) && balances.ValueKind == JsonValueKind.Object
                && balances.TryGetProperty("cashBalance", out var cash) && cash.ValueKind == JsonValueKind.Number
                && cash.TryGetDecimal(out var value)
                    ? new Usd(value)
                    : null;
        }
        catch (JsonException)
        {
            return null; // the account answered: the cash figure is only informative
        }
    }
}
