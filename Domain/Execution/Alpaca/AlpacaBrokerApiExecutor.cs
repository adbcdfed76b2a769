using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Http;

namespace TradingBot.Acceptance.Domain.Execution.Alpaca;

/// <summary>
/// The Alpaca Broker API adapter (DOMAIN §9.1): HTTP Basic <c>key:secret</c>, the account id in the
/// paths, failures classified as §10 says. Aim the HttpClient's BaseAddress at the broker (or WireMock).
/// </summary>
public sealed class AlpacaBrokerApiExecutor : IExecutor, IBrokerAccountProbe
{
    private readonly BrokerHttpTransport transport;
    private readonly AuthenticationHeaderValue authorization;
    private readonly TimeProvider timeProvider;
    private readonly AlpacaAssetCheck assetCheck;
    private readonly AlpacaMarketCalendar calendar;
    private readonly string accountPath;

    public AlpacaBrokerApiExecutor(HttpClient httpClient, AlpacaBrokerApiOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiKey, nameof(options.ApiKey));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ApiSecret, nameof(options.ApiSecret));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.AccountId, nameof(options.AccountId));
        transport = new BrokerHttpTransport(httpClient, options.Http, timeProvider);
        authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ApiKey}:{options.ApiSecret}")));
        this.timeProvider = timeProvider;
        assetCheck = new AlpacaAssetCheck(transport, authorization, options, timeProvider);
        calendar = new AlpacaMarketCalendar(transport, authorization, options, timeProvider);
        accountPath = $"v1/trading/accounts/{Uri.EscapeDataString(options.AccountId)}";
    }

    public SupportedExecutor Kind => SupportedExecutor.AlpacaBrokerApi;

    public bool AuthenticationFailed => transport.AuthenticationFailed;

    public Task<bool> IsMarketOpenAsync(CancellationToken cancellationToken) => calendar.IsOpenAsync(cancellationToken);

    public async Task<PlacementResult> PlaceMarketOrderAsync(MarketOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Shares.Value <= 0m)
            throw new ArgumentOutOfRangeException(nameof(order), order.Shares, "MarketOrder.Shares must be positive; the direction carries the side.");
        if (transport.AuthenticationFailed)
            return new PlacementResult.Rejected(BrokerFailures.Authentication);
        if (await assetCheck.RefusalAsync(order.Symbol, cancellationToken).ConfigureAwait(false) is { } refusal)
            return new PlacementResult.Rejected(refusal);
        var body = new AlpacaOrderRequest(
            order.Symbol.Value, order.Shares.ToString(), order.Direction == Direction.Buy ? "buy" : "sell",
            "market", "day", ExtendedHours: false, order.ClientOrderId.ToString());
        var outcome = await transport.SendAsync(
            () => Request(HttpMethod.Post, $"{accountPath}/orders", JsonContent.Create(body, options: AlpacaJson.Options)),
            BrokerCallKind.Placement,
            cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            BrokerHttpOutcome.Answered answer => ReadOrderId(answer, out var orderId) is { } unreadable
                ? new PlacementResult.Unknown(unreadable)
                : new PlacementResult.Accepted(orderId),
            BrokerHttpOutcome.Refused refused => new PlacementResult.Rejected(refused.Failure),
            _ => new PlacementResult.Unknown(outcome.ToFailure()),
        };
    }

    public async Task<BrokerOrderState> GetOrderStatusAsync(BrokerOrderId orderId, CancellationToken cancellationToken)
    {
        var outcome = await transport.SendAsync(
            () => Request(HttpMethod.Get, $"{accountPath}/orders/{Uri.EscapeDataString(orderId.Value)}"),
            BrokerCallKind.Read,
            cancellationToken).ConfigureAwait(false);
        if (outcome is not BrokerHttpOutcome.Answered answer)
            return new BrokerOrderState.Unreadable(outcome.ToFailure());
        if (!BrokerJson.TryRead<AlpacaOrder>(answer, AlpacaJson.Options, out var order, out var unreadable))
            return new BrokerOrderState.Unreadable(unreadable);
        return AlpacaOrderStatusMapping.ToState(order, orderId, answer, timeProvider.GetUtcNow());
    }

    public async Task<ClientOrderLookup> FindByClientOrderIdAsync(ClientOrderId clientOrderId, CancellationToken cancellationToken)
    {
        var outcome = await transport.SendAsync(
            () => Request(HttpMethod.Get, $"{accountPath}/orders:by_client_order_id?client_order_id={clientOrderId}"),
            BrokerCallKind.Read,
            cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            BrokerHttpOutcome.Answered answer => ReadOrderId(answer, out var orderId) is { } unreadable
                ? new ClientOrderLookup.Failed(unreadable)
                : new ClientOrderLookup.Found(orderId),
            BrokerHttpOutcome.Refused { StatusCode: 404 } => new ClientOrderLookup.NotFound(),
            _ => new ClientOrderLookup.Failed(outcome.ToFailure()),
        };
    }

    /// <summary>
    /// <c>DELETE …/orders/{order_id}</c>: 204 takes the request; 404 and 422 mean the order already ended: its status
    /// says how. Sent once, like an order: a 5xx or a timeout is left to the next check, which sends it again.
    /// </summary>
    public async Task<CancelResult> CancelOrderAsync(BrokerOrderId orderId, CancellationToken cancellationToken)
    {
        var outcome = await transport.SendAsync(
            () => Request(HttpMethod.Delete, $"{accountPath}/orders/{Uri.EscapeDataString(orderId.Value)}"),
            BrokerCallKind.Placement,
            cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            BrokerHttpOutcome.Answered => new CancelResult.Requested(),
            BrokerHttpOutcome.Refused { StatusCode: 404 or 422 } => new CancelResult.AlreadyEnded(),
            _ => new CancelResult.Unanswered(outcome.ToFailure()),
        };
    }

    public async Task<AccountProbeResult> ProbeAccountAsync(CancellationToken cancellationToken)
    {
        var outcome = await transport.SendAsync(
            () => Request(HttpMethod.Get, $"{accountPath}/account"), BrokerCallKind.AccountProbe, cancellationToken).ConfigureAwait(false);
        if (outcome is not BrokerHttpOutcome.Answered answer)
            return new AccountProbeResult.Failed(outcome.ToFailure());
        if (!BrokerJson.TryRead<AlpacaAccount>(answer, AlpacaJson.Options, out var account, out var unreadable))
            return new AccountProbeResult.Failed(unreadable);
        if (account.Status is not { } status)
            return new AccountProbeResult.Failed(BrokerFailures.InvalidResponse(answer.StatusCode, "missing field 'status'", answer.Body));
        if (status != "ACTIVE")
            return new AccountProbeResult.NotActive(HttpErrorText.Excerpt(status));
        transport.RecordAuthenticationRestored();
        return new AccountProbeResult.Active(ReadCash(account.Cash));
    }

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null) =>
        new(method, path) { Headers = { Authorization = authorization }, Content = content };

    /// <summary>Null when the answer names the order; otherwise why it cannot be read.</summary>
    private static BrokerFailure? ReadOrderId(BrokerHttpOutcome.Answered answer, out BrokerOrderId orderId)
    {
        orderId = default;
        if (!BrokerJson.TryRead<AlpacaOrder>(answer, AlpacaJson.Options, out var order, out var unreadable))
            return unreadable;
        if (string.IsNullOrWhiteSpace(order.Id))
            return BrokerFailures.InvalidResponse(answer.StatusCode, "missing field 'id'", answer.Body);
        // An id that is not an id (an answer reflecting our request) must not become the order's id in an event.
        if (AnswerText.Identifier(order.Id) is not { } id)
            return BrokerFailures.InvalidResponse(answer.StatusCode, "unreadable field 'id'", answer.Body);
        orderId = new BrokerOrderId(id);
        return null;
    }

    private static Usd? ReadCash(string? cash) =>
        decimal.TryParse(cash, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? new Usd(value)
            : null;
}
