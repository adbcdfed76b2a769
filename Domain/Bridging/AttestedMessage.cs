namespace TradingBot.Acceptance.Domain.Bridging;

/// <summary>A burn's CCTP message with Circle's attestation, ready for <c>receiveMessage</c>.</summary>
public sealed record AttestedMessage(string Message, string Attestation)
{
    /// <summary>The 32-byte nonce at offset 12 of the message, as 0x-prefixed hex.</summary>
    public string CctpNonce
    {
        get
        {
            var bytes = Convert.FromHexString(Message.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? Message[2..] : Message);
            if (bytes.Length < 44)
                throw new FormatException($"A CCTP message needs at least 44 bytes for its nonce, this one has {bytes.Length}.");
            return "0x" + Convert.ToHexStringLower(bytes, 12, 32);
        }
    }
}
