using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>Alpaca's tokenization API: asks for mints and reports mint and redeem requests.</summary>
public interface ITokenizationApi
{
    /// <summary>Asks Alpaca to mint <paramref name="quantity"/> tokens of <paramref name="symbol"/> into <paramref name="wallet"/>.</summary>
    Task<MintRequestResult> RequestMintAsync(Symbol symbol, FractionalShares quantity, string wallet, CancellationToken cancellationToken);

    /// <summary>Every request of one type (<c>mint</c> or <c>redeem</c>), as Alpaca lists them.</summary>
    Task<IReadOnlyList<TokenizationRequest>> ListRequestsAsync(string type, CancellationToken cancellationToken);
}
