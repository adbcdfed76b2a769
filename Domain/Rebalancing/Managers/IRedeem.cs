using System.Numerics;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Rebalancing.Managers;

/// <summary>Runs one redemption workflow to its end (the reference's <c>Redeem</c>; test double <c>MockRedeem</c>).</summary>
public interface IRedeem
{
    /// <summary>Redeems <paramref name="units"/> (18-decimal) of <paramref name="token"/> as the redemption <paramref name="id"/>.</summary>
    Task ExecuteRedemptionAsync(
        Guid id, Symbol symbol, FractionalShares quantity, BigInteger units, string token, CancellationToken cancellationToken);
}
