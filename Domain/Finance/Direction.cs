namespace TradingBot.Acceptance.Domain.Finance;

/// <summary>Buy or sell, always seen from the bot's side.</summary>
public enum Direction
{
    Buy,
    Sell,
}
