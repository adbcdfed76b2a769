using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>A broker order as a scenario speaks of it: what it buys or sells.</summary>
public sealed record BrokerOrder(Direction Side, FractionalShares Shares, Symbol Symbol)
{
    public override string ToString() => $"{Side.ToString().ToLowerInvariant()} {Shares} {Symbol}";
}
