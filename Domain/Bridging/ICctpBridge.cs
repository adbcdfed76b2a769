using System.Numerics;

namespace TradingBot.Acceptance.Domain.Bridging;

/// <summary>The CCTP V2 contracts: burn on the source chain, mint with the attested message on the destination.</summary>
public interface ICctpBridge
{
    /// <summary><c>depositForBurn</c> with <c>minFinalityThreshold</c> 1000 and any relayer; returns the burn tx hash.</summary>
    Task<string> BurnAsync(
        CctpChain source, CctpChain destination, BigInteger units, BigInteger maxFee, string recipient,
        CancellationToken cancellationToken);

    /// <summary><c>receiveMessage(message, attestation)</c> on the destination chain.</summary>
    Task<CctpMintReceipt> ReceiveMessageAsync(CctpChain destination, AttestedMessage message, CancellationToken cancellationToken);
}
