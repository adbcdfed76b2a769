using System.Net;
using TradingBot.Acceptance.Domain.Hosting.OperatorSurface;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The <c>operatorApi</c> section of the configuration file: where the operator API listens (loopback by
/// default; port 0 picks a free one) and its bearer token. <see cref="ToString"/> keeps the token out of logs.
/// </summary>
public sealed record OperatorApiSection
{
    public bool Enabled { get; init; } = true;

    public string Address { get; init; } = "127.0.0.1";

    public int Port { get; init; }

    public string? Token { get; init; }

    /// <summary>The API's settings, or <c>null</c> when it is off.</summary>
    /// <exception cref="RiskSettingException">A setting of the section is missing or out of range; its field is the key to point at.</exception>
    public OperatorApiSettings? ToSettings()
    {
        if (!Enabled)
            return null;
        if (string.IsNullOrWhiteSpace(Token))
            throw Refused("operatorApi", "token", "is required when the operator API is enabled: a secret of at least "
                + $"{OperatorApiSettings.MinimumTokenLength} characters that every request carries as \"Authorization: Bearer <token>\"");
        if (Token.Trim().Length < OperatorApiSettings.MinimumTokenLength)
            throw Refused("token", $"is too short: use at least {OperatorApiSettings.MinimumTokenLength} characters");
        if (!IPAddress.TryParse(Address, out var address))
            throw Refused("address", $"must be an IP address such as \"127.0.0.1\", was \"{Address}\"");
        if (Port is < 0 or > IPEndPoint.MaxPort)
            throw Refused("port", $"must be a port from 0 (any free one) to {IPEndPoint.MaxPort}, was {Port}");
        return new OperatorApiSettings(address, Port, Token.Trim());
    }

    public override string ToString() => $"operator API on {Address}:{Port}{(Enabled ? "" : " (off)")}, token ***";

    private static RiskSettingException Refused(string key, string problem) => Refused(key, key, problem);

    // The file's line is found from the key written in it: the section's own when the key is missing.
    private static RiskSettingException Refused(string writtenKey, string key, string problem) =>
        new(writtenKey, $"\"operatorApi.{key}\" {problem}");
}
