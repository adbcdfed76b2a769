using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Rebalancing.Managers;

/// <summary>Runs one mint workflow to its end (the reference's <c>Mint</c>; test double <c>MockMint</c>).</summary>
public interface IMint
{
    /// <summary>Mints <paramref name="quantity"/> tokens into <paramref name="wallet"/> as the mint <paramref name="id"/>.</summary>
    Task ExecuteMintAsync(Guid id, Symbol symbol, FractionalShares quantity, string wallet, CancellationToken cancellationToken);
}
