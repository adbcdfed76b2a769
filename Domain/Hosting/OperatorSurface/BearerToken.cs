using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

/// <summary>
/// Checks the <c>Authorization: Bearer …</c> header of a request against the configured token in
/// constant time: both sides are hashed first, so neither the content nor the length of the token leaks
/// through how long a refusal takes. The token itself is never kept in a form that prints.
/// </summary>
public sealed class BearerToken
{
    private const string Scheme = "Bearer ";
    private readonly byte[] expected;

    public BearerToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        expected = Hash(token);
    }

    /// <summary>Why <paramref name="request"/> is refused, or <c>null</c> when it carries the token.</summary>
    public string? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
            return "a bearer token is required (Authorization: Bearer <token>)";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            return "the Authorization header must use the Bearer scheme";
        return CryptographicOperations.FixedTimeEquals(Hash(header[Scheme.Length..].Trim()), expected)
            ? null
            : "the bearer token is not the operator token";
    }

    public override string ToString() => "Bearer ***";

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
