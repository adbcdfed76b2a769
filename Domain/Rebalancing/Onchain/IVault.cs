using System.Numerics;

namespace TradingBot.Acceptance.Domain.Rebalancing.Onchain;

/// <summary>Our order-book vaults on Base; amounts in the token's base units (zero is rejected by the contract).</summary>
public interface IVault
{
    /// <summary>Deposits into a vault; returns the transaction hash.</summary>
    Task<string> DepositAsync(string token, string vaultId, BigInteger units, CancellationToken cancellationToken);

    /// <summary>Withdraws from a vault and waits for 3 confirmations; returns the transaction hash.</summary>
    Task<string> WithdrawAsync(string token, string vaultId, BigInteger units, CancellationToken cancellationToken);
}
