namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>A classified broker failure; <see cref="Reason"/> is what the order records.</summary>
public sealed record BrokerFailure(BrokerFailureKind Kind, string Reason);
