namespace TradingBot.Acceptance.Domain.Finance;

public static class DirectionExtensions
{
    public static Direction Opposite(this Direction direction) =>
        direction == Direction.Buy ? Direction.Sell : Direction.Buy;

    /// <summary>The SQL spelling, <c>BUY</c> or <c>SELL</c>.</summary>
    public static string ToSql(this Direction direction) => direction == Direction.Buy ? "BUY" : "SELL";
}
