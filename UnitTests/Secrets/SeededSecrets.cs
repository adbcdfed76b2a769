using System.Text;

namespace TradingBot.Acceptance.UnitTests.Secrets;

/// <summary>
/// Distinctive credentials seeded into every adapter's configuration, and every form in which one could
/// leak: the value itself, the start of it (an excerpt cut mid-secret), its base64 and the HTTP Basic
/// credential built from a key pair. Each value starts with its own tag, so its first ten characters are
/// found nowhere else.
/// </summary>
public static class SeededSecrets
{
    public const string BrokerKeyId = "AKBRK7Q3XKEYID0001";
    public const string BrokerSecret = "BRKSECZq81vN5tYhJd0002";
    public const string VenueKeyId = "AKVEN4M2PKEYID0003";
    public const string VenueSecret = "VENSECHw53kR9uPmXa0004";
    public const string SchwabAppKey = "SWKEYLd90aQe3RbN0005";
    public const string SchwabAppSecret = "SWSECTc47fGh2Jk0006";
    public const string SchwabRefreshToken = "SWREFPb62nMz8Wq0007";

    /// <summary>What the hostile token endpoint grants: the bot then holds these tokens too.</summary>
    public const string SchwabAccessToken = "SWACCKx18Lr4TyEe0008";

    public const string SchwabNextRefreshToken = "SWRNXVy35Cs7UiOo0009";

    private const int FragmentLength = 10;

    public static IReadOnlyList<(string Name, string Value)> Values { get; } =
    [
        ("Alpaca Broker API key id", BrokerKeyId),
        ("Alpaca Broker API secret", BrokerSecret),
        ("Alpaca tokenization/wallet key id", VenueKeyId),
        ("Alpaca tokenization/wallet secret", VenueSecret),
        ("Schwab app key", SchwabAppKey),
        ("Schwab app secret", SchwabAppSecret),
        ("Schwab refresh token (configured)", SchwabRefreshToken),
        ("Schwab access token (granted)", SchwabAccessToken),
        ("Schwab refresh token (granted)", SchwabNextRefreshToken),
    ];

    /// <summary>Every text the scan looks for, named by the secret and the form.</summary>
    public static IReadOnlyList<(string Name, string Text)> Forms { get; } =
    [
        .. Values.Select(secret => (secret.Name, secret.Value)),
        .. Values.Select(secret => ($"{secret.Name}, first {FragmentLength} characters", secret.Value[..FragmentLength])),
        .. Values.Select(secret => ($"{secret.Name}, base64", Base64(secret.Value))),
        ("Alpaca Broker API Basic credential", Base64($"{BrokerKeyId}:{BrokerSecret}")),
        ("Alpaca USDC conversion Basic credential", Base64($"{VenueKeyId}:{VenueSecret}")),
        ("Schwab app Basic credential", Base64($"{SchwabAppKey}:{SchwabAppSecret}")),
    ];

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
