using System.Net;

namespace TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

/// <summary>
/// Where the operator API listens and the bearer token every request must carry. Port 0 picks a free
/// port (the bot logs the one it got). <see cref="ToString"/> keeps the token out of logs.
/// </summary>
public sealed record OperatorApiSettings(IPAddress Address, int Port, string Token)
{
    /// <summary>Tokens shorter than this are refused: a guessable token is no authentication.</summary>
    public const int MinimumTokenLength = 16;

    public override string ToString() => $"operator API on {Address}:{Port}, token ***";
}
