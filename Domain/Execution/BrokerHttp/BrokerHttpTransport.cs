using System.Net;
using System.Runtime.ExceptionServices;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TradingBot.Acceptance.Domain.Http;

namespace TradingBot.Acceptance.Domain.Execution.BrokerHttp;

/// <summary>
/// Sends broker requests through the resilience pipeline and classifies what comes back, so the
/// adapters never see an HTTP exception. It also holds the connection's state: credentials refused
/// (until an account probe succeeds) and reads paused by a 429 until its Retry-After.
/// </summary>
public sealed class BrokerHttpTransport
{
    private readonly HttpClient httpClient;
    private readonly TimeProvider timeProvider;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly Lock gate = new();
    private bool authenticationFailed;
    private DateTimeOffset readsPausedUntil = DateTimeOffset.MinValue;

    /// <param name="httpClient">A client whose <c>BaseAddress</c> is the broker's; its own timeout should stay above <see cref="BrokerHttpOptions.RequestTimeout"/>.</param>
    public BrokerHttpTransport(HttpClient httpClient, BrokerHttpOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.httpClient = httpClient;
        this.timeProvider = timeProvider;
        pipeline = BrokerResiliencePipeline.Create(options, timeProvider);
    }

    public bool AuthenticationFailed
    {
        get { lock (gate) return authenticationFailed; }
    }

    public void RecordAuthenticationFailure()
    {
        lock (gate) authenticationFailed = true;
    }

    public void RecordAuthenticationRestored()
    {
        lock (gate) authenticationFailed = false;
    }

    /// <summary>Sends the request made by <paramref name="createRequest"/> (called again for each resend).</summary>
    public async Task<BrokerHttpOutcome> SendAsync(
        Func<HttpRequestMessage> createRequest, BrokerCallKind kind, CancellationToken cancellationToken)
    {
        if (RefusedBeforeSending(kind) is { } refused)
            return refused;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(BrokerResiliencePipeline.CallKind, kind);
        try
        {
            var outcome = await HttpPipelines.SendAsync(pipeline, httpClient, createRequest, context).ConfigureAwait(false);
            return await ClassifyAsync(outcome, kind, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private BrokerHttpOutcome.Refused? RefusedBeforeSending(BrokerCallKind kind)
    {
        lock (gate)
        {
            if (kind != BrokerCallKind.AccountProbe && authenticationFailed)
                return new BrokerHttpOutcome.Refused(BrokerFailures.Authentication, null);
            if (kind == BrokerCallKind.Read && timeProvider.GetUtcNow() < readsPausedUntil)
                return new BrokerHttpOutcome.Refused(BrokerFailures.RateLimited, null);
            return null;
        }
    }

    private async Task<BrokerHttpOutcome> ClassifyAsync(
        Outcome<HttpResponseMessage> outcome, BrokerCallKind kind, CancellationToken cancellationToken)
    {
        if (outcome.Exception is { } exception)
            return ClassifyException(exception, cancellationToken);
        using var response = outcome.Result!;
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
            return new BrokerHttpOutcome.Answered(status, body, response.Headers.Location);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            RecordAuthenticationFailure();
            return new BrokerHttpOutcome.Refused(BrokerFailures.Authentication, status);
        }
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            PauseReads(kind, HttpPipelines.RetryAfter(response, timeProvider));
            return new BrokerHttpOutcome.Refused(BrokerFailures.RateLimited, status);
        }
        return status >= 500
            ? new BrokerHttpOutcome.Uncertain(BrokerFailures.ServerError(status))
            : new BrokerHttpOutcome.Refused(BrokerFailures.Rejected(status, body), status);
    }

    private void PauseReads(BrokerCallKind kind, TimeSpan? retryAfter)
    {
        if (kind == BrokerCallKind.Placement)
            return;
        lock (gate)
            readsPausedUntil = timeProvider.GetUtcNow() + (retryAfter ?? TimeSpan.FromSeconds(1));
    }

    private static BrokerHttpOutcome ClassifyException(Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                ExceptionDispatchInfo.Throw(exception); // the caller gave up: not a broker answer
                break;
            case TimeoutRejectedException or OperationCanceledException:
                return new BrokerHttpOutcome.Uncertain(BrokerFailures.TimedOut);
            case BrokenCircuitException:
                return new BrokerHttpOutcome.Refused(BrokerFailures.CircuitOpen, null);
            case HttpRequestException { HttpRequestError: var error } when NeverSent(error):
                return new BrokerHttpOutcome.Refused(BrokerFailures.ConnectionFailed, null);
            case HttpRequestException:
                return new BrokerHttpOutcome.Uncertain(BrokerFailures.ConnectionFailed);
        }
        ExceptionDispatchInfo.Throw(exception);
        return null!;
    }

    private static bool NeverSent(HttpRequestError error) =>
        error is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
}
