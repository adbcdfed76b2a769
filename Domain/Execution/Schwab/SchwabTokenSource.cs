using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;

namespace TradingBot.Acceptance.Domain.Execution.Schwab;

/// <summary>
/// Keeps a Schwab access token fresh: it is refreshed with the refresh token when it is about to
/// expire on the injected clock. A refused refresh puts the connection into AuthenticationFailed.
/// </summary>
public sealed class SchwabTokenSource(BrokerHttpTransport transport, SchwabOptions options, TimeProvider timeProvider) : IDisposable
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private readonly AuthenticationHeaderValue appCredentials = new(
        "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AppKey}:{options.AppSecret}")));
    private string refreshToken = options.RefreshToken;
    private string? accessToken;
    private DateTimeOffset expiresAt = DateTimeOffset.MinValue;

    /// <summary>The access token, refreshed first when it expires within the refresh margin.</summary>
    public Task<SchwabTokenResult> AccessTokenAsync(CancellationToken cancellationToken) =>
        AccessTokenValidForAsync(TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// The access token, refreshed first unless it stays valid for <paramref name="validFor"/> beyond the refresh
    /// margin: the upkeep asks for a token that outlives its next round, so no hedge ever waits for a refresh.
    /// </summary>
    public async Task<SchwabTokenResult> AccessTokenValidForAsync(TimeSpan validFor, CancellationToken cancellationToken)
    {
        await refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (accessToken is not null && timeProvider.GetUtcNow() + validFor < expiresAt - options.TokenRefreshMargin)
                return new SchwabTokenResult.Granted(accessToken);
            return await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            refreshing.Release();
        }
    }

    public void Dispose() => refreshing.Dispose();

    private async Task<SchwabTokenResult> RefreshAsync(CancellationToken cancellationToken)
    {
        var requestedAt = timeProvider.GetUtcNow();
        var outcome = await transport.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, options.TokenPath)
            {
                Headers = { Authorization = appCredentials },
                Content = new FormUrlEncodedContent([new("grant_type", "refresh_token"), new("refresh_token", refreshToken)]),
            },
            BrokerCallKind.AccountProbe,
            cancellationToken).ConfigureAwait(false);
        if (outcome is BrokerHttpOutcome.Refused { StatusCode: 400 or 401 })
        {
            // An expired or revoked refresh token (400 invalid_grant) is as final as a 401.
            transport.RecordAuthenticationFailure();
            return new SchwabTokenResult.Failed(BrokerFailures.Authentication);
        }
        if (outcome is not BrokerHttpOutcome.Answered answer)
            return new SchwabTokenResult.Failed(outcome.ToFailure());
        // A token answer's body holds the tokens: a failure reason names what is wrong with it, never its text.
        if (!BrokerJson.TryRead<SchwabToken>(answer, SchwabJson.Options, out var token, out _))
            return new SchwabTokenResult.Failed(TokenAnswerInvalid(answer.StatusCode, "not a readable token answer"));
        if (string.IsNullOrWhiteSpace(token.AccessToken) || token.ExpiresIn is not > 0)
            return new SchwabTokenResult.Failed(TokenAnswerInvalid(answer.StatusCode, "missing field 'access_token' or a usable 'expires_in'"));
        accessToken = token.AccessToken;
        expiresAt = requestedAt + TimeSpan.FromSeconds(token.ExpiresIn.Value);
        refreshToken = string.IsNullOrWhiteSpace(token.RefreshToken) ? refreshToken : token.RefreshToken;
        return new SchwabTokenResult.Granted(accessToken);
    }

    private static BrokerFailure TokenAnswerInvalid(int statusCode, string problem) =>
        new(BrokerFailureKind.InvalidResponse, string.Create(CultureInfo.InvariantCulture, $"invalid response ({statusCode}): {problem}; body withheld (it holds tokens)"));
}
