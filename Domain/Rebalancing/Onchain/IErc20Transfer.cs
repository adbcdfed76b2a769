using System.Numerics;
using TradingBot.Acceptance.Domain.Bridging;

namespace TradingBot.Acceptance.Domain.Rebalancing.Onchain;

/// <summary>ERC-20 <c>transfer(recipient, units)</c> from the market-maker wallet.</summary>
public interface IErc20Transfer
{
    /// <summary>Sends tokens on <paramref name="chain"/>; returns the transaction hash.</summary>
    Task<string> TransferAsync(CctpChain chain, string token, string recipient, BigInteger units, CancellationToken cancellationToken);
}
