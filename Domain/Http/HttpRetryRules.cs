using Polly;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.Domain.Http;

/// <summary>One client's classification of failures for <see cref="HttpPipelines"/>: what is retried, how often and after how long.</summary>
/// <param name="MaxRetries">Resends after the first attempt before the last outcome comes back.</param>
/// <param name="ShouldRetry">Whether an outcome (an answer or the exception of an attempt) is worth another attempt.</param>
/// <param name="Delay">The wait before retry number n (0 for the first), given the outcome that is retried.</param>
/// <param name="Wait">Where the wait runs; null for a plain delay on the pipeline's clock.</param>
public sealed record HttpRetryRules(
    int MaxRetries,
    Func<Outcome<HttpResponseMessage>, ResilienceContext, bool> ShouldRetry,
    Func<Outcome<HttpResponseMessage>, int, TimeSpan> Delay,
    IClockWait? Wait = null);
