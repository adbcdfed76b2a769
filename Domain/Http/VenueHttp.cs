using System.Net;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json.Nodes;
using Polly;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Http;

/// <summary>
/// Sends requests to the tokenization, wallet and Circle APIs through an <see cref="HttpPipelines"/> pipeline:
/// 5xx, 429 and connection failures are retried with exponential backoff from 1 s up to 60 s (at most 10
/// retries, honouring Retry-After up to 60 s), every wait through the given <see cref="IClockWait"/> (§10).
/// Other answers come back to the caller as they are.
/// </summary>
public sealed class VenueHttp
{
    public const int MaxRetries = 10;

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    private readonly HttpClient client;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    /// <param name="client">The API's client, with its base address and credentials.</param>
    /// <param name="clock">Reads now, for an HTTP-date Retry-After.</param>
    /// <param name="wait">How to wait between tries; a plain delay on <paramref name="clock"/> when null.</param>
    public VenueHttp(HttpClient client, TimeProvider clock, IClockWait? wait = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        this.client = client;
        pipeline = HttpPipelines.Build(
            new HttpRetryRules(
                MaxRetries,
                static (outcome, _) => outcome.Exception is HttpRequestException || (outcome.Result is { } response && IsTransient(response.StatusCode)),
                (outcome, attempt) => RetryAfter(outcome.Result, clock) ?? Backoff.Doubled(FirstDelay, attempt, MaxDelay),
                wait ?? new ClockWait(clock)),
            clock);
    }

    /// <summary>Sends the request built by <paramref name="request"/>, again after each transient failure, and returns the last answer.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var outcome = await HttpPipelines.SendAsync(pipeline, client, request, context);
            if (outcome.Exception is { } exception)
                ExceptionDispatchInfo.Throw(exception);
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Sends and reads a JSON answer; any non-success status becomes an <see cref="ExternalApiException"/>.</summary>
    public async Task<JsonNode> SendForJsonAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new ExternalApiException(response.StatusCode, HttpErrorText.Describe(response.StatusCode, body));
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

    private static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    // Retry-After capped at the 60 s backoff ceiling; absent → exponential backoff.
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider clock) =>
        response is null ? null
        : HttpPipelines.RetryAfter(response, clock) is { } delay ? (delay > MaxDelay ? MaxDelay : delay)
        : null;
}
