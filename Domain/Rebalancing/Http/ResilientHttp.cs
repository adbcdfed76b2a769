using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Rebalancing.Http;

/// <summary>
/// Sends requests to the tokenization, wallet and Circle APIs: 5xx, 429 and connection failures are
/// retried with exponential backoff from 1 s up to 60 s (at most 10 retries, honouring Retry-After),
/// all waiting on the injected clock (§10). Other answers come back to the caller as they are.
/// </summary>
public sealed class ResilientHttp
{
    public const int MaxRetries = 10;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    private readonly HttpClient client;
    private readonly TimeProvider clock;
    private readonly IClockWait waits;

    /// <param name="client">The API's client, with its base address and credentials.</param>
    /// <param name="clock">Reads now, for an HTTP-date Retry-After.</param>
    /// <param name="wait">How to wait between tries; a plain delay on <paramref name="clock"/> when null.</param>
    public ResilientHttp(HttpClient client, TimeProvider clock, IClockWait? wait = null)
    {
        this.client = client;
        this.clock = clock;
        waits = wait ?? new ClockWait(clock);
    }

    /// <summary>Sends the request built by <paramref name="request"/>, again after each transient failure, and returns the last answer.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var retry = 0; ; retry++)
        {
            HttpResponseMessage? response = null;
            try
            {
                using var message = request();
                response = await client.SendAsync(message, cancellationToken);
            }
            catch (HttpRequestException) when (retry < MaxRetries)
            {
                // Not answered: retried after the backoff below.
            }
            if (response is not null && (retry >= MaxRetries || !IsTransient(response.StatusCode)))
                return response;
            var delay = RetryAfter(response, clock.GetUtcNow()) ?? Backoff.Doubled(FirstDelay, retry, MaxDelay);
            response?.Dispose();
            if (delay > TimeSpan.Zero)
                await waits.WaitAsync(delay, cancellationToken);
        }
    }

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
