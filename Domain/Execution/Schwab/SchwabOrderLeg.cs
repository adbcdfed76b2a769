namespace TradingBot.Acceptance.Domain.Execution.Schwab;

/// <summary>One leg: <c>BUY</c> or <c>SELL</c> whole shares of one instrument.</summary>
public sealed record SchwabOrderLeg(string Instruction, decimal Quantity, SchwabInstrument Instrument);
