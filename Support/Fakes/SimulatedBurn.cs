using System.Numerics;
using TradingBot.Acceptance.Domain.Bridging;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>A CCTP <c>depositForBurn</c> the bot made: what Circle attests and the other chain mints from.</summary>
public sealed record SimulatedBurn(
    CctpChain Source, CctpChain Destination, BigInteger Units, BigInteger MaxFee, string Recipient, string TxHash, BigInteger Nonce)
{
    public string NonceHex => "0x" + Nonce.ToString("x64", System.Globalization.CultureInfo.InvariantCulture)[^64..];

    /// <summary>A CCTP V2 message: version, source domain, destination domain, the 32-byte nonce, then the burn's body.</summary>
    public string Message =>
        "0x00000001" + ((int)Source).ToString("x8", System.Globalization.CultureInfo.InvariantCulture)
        + ((int)Destination).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + NonceHex[2..] + "deadbeef";

    public string Attestation => "0xa77e57" + NonceHex[^8..];
}
