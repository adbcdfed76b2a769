namespace TradingBot.Acceptance.Domain.Bridging;

/// <summary>Circle's attestation service (Iris): fast-transfer fees and attested burn messages.</summary>
public interface ICctpAttestation
{
    /// <summary>The minimum fee in basis points at finality threshold 1000, or null when fast transfer is not available.</summary>
    Task<decimal?> GetFastTransferFeeBpsAsync(CctpChain source, CctpChain destination, CancellationToken cancellationToken);

    /// <summary>The burn's message once its status is <c>complete</c>; null while it is not (404, empty, pending).</summary>
    Task<AttestedMessage?> GetAttestedMessageAsync(CctpChain source, string burnTxHash, CancellationToken cancellationToken);
}
