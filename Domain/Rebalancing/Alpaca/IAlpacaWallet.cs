using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>Alpaca's crypto wallet: whitelisted withdrawal addresses, USDC transfers and our deposit address.</summary>
public interface IAlpacaWallet
{
    Task<IReadOnlyList<WhitelistEntry>> ListWhitelistsAsync(CancellationToken cancellationToken);

    /// <summary>Asks Alpaca to send <paramref name="amount"/> USDC to <paramref name="address"/> (amount &gt; 0).</summary>
    Task<WalletTransfer> RequestWithdrawalAsync(Usd amount, string address, CancellationToken cancellationToken);

    /// <summary>Every transfer as Alpaca lists it; callers filter by id or tx hash.</summary>
    Task<IReadOnlyList<WalletTransfer>> ListTransfersAsync(CancellationToken cancellationToken);

    /// <summary>The Ethereum address that credits USDC sent to it to our Alpaca account.</summary>
    Task<string> GetDepositAddressAsync(CancellationToken cancellationToken);
}
