namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>How a move ended when it failed: the failure event's name and its reason.</summary>
public sealed record MoveFailure(string EventName, string Reason);
