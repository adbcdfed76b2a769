namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>How many broker orders of a symbol the bot recorded, and how many the broker received.</summary>
public sealed record PlacedOrders(int RecordedByTheBot, int ReceivedByTheBroker);
