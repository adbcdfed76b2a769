using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace TradingBot.Acceptance.Domain.Http;

/// <summary>
/// The one place where the resilience pipelines of outbound HTTP calls are built: a retry (what it
/// retries and how long it waits are the client's own <see cref="HttpRetryRules"/>) around an optional
/// circuit breaker around an optional per-attempt timeout. Every wait runs on the injected clock.
/// </summary>
public static class HttpPipelines
{
    public static ResiliencePipeline<HttpResponseMessage> Build(
        HttpRetryRules rules, TimeProvider clock,
        CircuitBreakerStrategyOptions<HttpResponseMessage>? breaker = null, TimeSpan? attemptTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = rules.MaxRetries,
                ShouldHandle = arguments => ValueTask.FromResult(rules.ShouldRetry(arguments.Outcome, arguments.Context)),
                DelayGenerator = arguments => WaitAsync(rules, arguments.Outcome, arguments.AttemptNumber, arguments.Context.CancellationToken),
            });
        if (breaker is not null)
            builder.AddCircuitBreaker(breaker);
        if (attemptTimeout is { } timeout)
            builder.AddTimeout(timeout);
        return builder.Build();
    }

    /// <summary>Sends through <paramref name="pipeline"/>, building the request afresh for each attempt.</summary>
    public static async Task<Outcome<HttpResponseMessage>> SendAsync(
        ResiliencePipeline<HttpResponseMessage> pipeline, HttpClient client, Func<HttpRequestMessage> createRequest,
        ResilienceContext context)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return await pipeline.ExecuteOutcomeAsync(
            static async (attemptContext, state) => await AttemptAsync(state.Client, state.CreateRequest, attemptContext.CancellationToken).ConfigureAwait(false),
            context,
            (Client: client, CreateRequest: createRequest)).ConfigureAwait(false);
    }

    /// <summary>How long the server asked us to wait: Retry-After in seconds or as an HTTP date (never negative).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(clock);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(
        HttpClient client, Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        try
        {
            using var request = createRequest();
            // The default completion option buffers the body, so an attempt's timeout covers reading it.
            return Outcome.FromResult(await client.SendAsync(request, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    // A client that waits through its own IClockWait (so the running bot counts it idle) waits here and
    // leaves Polly nothing to wait; the others let Polly wait on the pipeline's clock.
    private static async ValueTask<TimeSpan?> WaitAsync(
        HttpRetryRules rules, Outcome<HttpResponseMessage> outcome, int attempt, CancellationToken cancellationToken)
    {
        var delay = rules.Delay(outcome, attempt);
        if (rules.Wait is not { } wait)
            return delay;
        if (delay > TimeSpan.Zero)
            await wait.WaitAsync(delay, cancellationToken).ConfigureAwait(false);
        return TimeSpan.Zero;
    }
}
