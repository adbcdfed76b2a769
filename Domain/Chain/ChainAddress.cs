namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>Addresses as the chain writes them: <c>0x</c> + 40 hex digits, compared without regard to case (checksums).</summary>
public static class ChainAddress
{
    public const string Zero = "0x0000000000000000000000000000000000000000";

    public static bool AreEqual(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
