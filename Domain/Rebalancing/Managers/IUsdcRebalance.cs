using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Rebalancing.Managers;

/// <summary>Runs one USDC move to its end (the reference's <c>UsdcRebalance</c>; test double <c>MockUsdcRebalance</c>).</summary>
public interface IUsdcRebalance
{
    Task ExecuteAlpacaToBaseAsync(Guid id, Usd amount, CancellationToken cancellationToken);

    Task ExecuteBaseToAlpacaAsync(Guid id, Usd amount, CancellationToken cancellationToken);
}
