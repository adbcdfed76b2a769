using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;

namespace TradingBot.Acceptance.Domain.Rebalancing.Http;

/// <summary>
/// Sends requests to the tokenization, wallet and Circle APIs: 5xx, 429 and connection failures are
/// retried with exponential backoff from 1 s up to 60 s (at most 10 retries, honouring Retry-After),
/// all waiting on the injected clock (§10). Other answers come back to the caller as they are.
/// </summary>
public sealed class ResilientHttp
{
    public const int MaxRetries = 10;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    private readonly HttpClient client;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    public ResilientHttp(HttpClient client, TimeProvider clock)
    {
        this.client = client;
        pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = MaxDelay,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
                DelayGenerator = arguments => ValueTask.FromResult(RetryAfter(arguments.Outcome.Result, clock.GetUtcNow())),
            })
            .Build();
    }

    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(
            async (build, token) =>
            {
                using var message = build();
                return await client.SendAsync(message, token);
            },
            request,
            cancellationToken);

    /// <summary>Sends and reads a JSON answer; any non-success status becomes an <see cref="ExternalApiException"/>.</summary>
    public async Task<JsonNode> SendForJsonAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new ExternalApiException(response.StatusCode, $"{(int)response.StatusCode} {ErrorText(body)}");
        try
        {
            return JsonNode.Parse(body) ?? throw new ExternalApiException(response.StatusCode, "invalid response: empty JSON");
        }
        catch (System.Text.Json.JsonException exception)
        {
            throw new ExternalApiException($"invalid response: {exception.Message}", exception);
        }
    }

    public static HttpRequestMessage Json(HttpMethod method, string path, JsonObject body) =>
        new(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    /// <summary>An error body's <c>message</c> when it is JSON that has one, else the body as it is.</summary>
    public static string ErrorText(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject json && json["message"] is JsonValue message
                && message.TryGetValue<string>(out var text))
                return text;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON: the raw text is the message.
        }
        return body;
    }

    private static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    // Retry-After in seconds or as an HTTP date, capped at the 60 s backoff ceiling; absent → exponential backoff.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (wait is not { } delay)
            return null;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
    }
}
