namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// Where the bot's orders live: the orderbook contract, the owner of our orders, the block the orderbook was
/// deployed at (backfill never starts before it) and how many blocks make a log final.
/// </summary>
public sealed record OrderbookSettings(string Orderbook, string OrderOwner, long DeploymentBlock, int RequiredConfirmations);
