using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TradingBot.Acceptance.Domain.Http;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Execution.BrokerHttp;

/// <summary>
/// The brokers' classification of failures for <see cref="HttpPipelines"/>: retry (429 Retry-After on
/// placements; 5xx backoff on reads) around a circuit breaker around a per-attempt timeout. The pipeline's
/// clock is the injected one, so every wait advances only with the fake clock in tests.
/// </summary>
public static class BrokerResiliencePipeline
{
    public static readonly ResiliencePropertyKey<BrokerCallKind> CallKind = new("TradingBot.BrokerCallKind");

    public static ResiliencePipeline<HttpResponseMessage> Create(BrokerHttpOptions options, TimeProvider timeProvider) =>
        HttpPipelines.Build(
            new HttpRetryRules(
                options.MaxRetries,
                (outcome, context) => ShouldRetry(outcome, context, options, timeProvider),
                (outcome, attempt) => Delay(outcome.Result!, attempt, options, timeProvider)),
            timeProvider,
            new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                ShouldHandle = arguments => ValueTask.FromResult(IsBrokerFailure(arguments.Outcome)),
            },
            options.RequestTimeout);

    private static bool ShouldRetry(
        Outcome<HttpResponseMessage> outcome, ResilienceContext context, BrokerHttpOptions options, TimeProvider timeProvider)
    {
        if (outcome.Result is not { } response)
            return false;
        var kind = context.Properties.GetValue(CallKind, BrokerCallKind.Read);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            return kind == BrokerCallKind.Placement
                && (HttpPipelines.RetryAfter(response, timeProvider) ?? TimeSpan.Zero) <= options.RateLimitMaxDelay;
        return IsServerError(response) && kind != BrokerCallKind.Placement;
    }

    private static TimeSpan Delay(HttpResponseMessage response, int attempt, BrokerHttpOptions options, TimeProvider timeProvider)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            return HttpPipelines.RetryAfter(response, timeProvider) ?? Backoff.Doubled(options.RateLimitFirstDelay, attempt, options.RateLimitMaxDelay);
        // Jitter keeps many pollers from hammering a recovering broker in step.
        var backoff = Backoff.Doubled(options.ReadBackoffFirstDelay, attempt, options.ReadBackoffMaxDelay);
        return backoff * (0.5 + 0.5 * options.Jitter());
    }

    private static bool IsBrokerFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is TimeoutRejectedException or HttpRequestException
        || (outcome.Result is { } response && IsServerError(response));

    private static bool IsServerError(HttpResponseMessage response) => (int)response.StatusCode >= 500;
}
