namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>Alpaca reported a transfer status that goes backwards: the answer cannot be trusted.</summary>
public sealed class InvalidStatusTransitionException : Exception
{
    public InvalidStatusTransitionException(TransferStatus from, TransferStatus to)
        : base($"InvalidStatusTransition: transfer status went from {from} back to {to}")
    {
    }

    public InvalidStatusTransitionException()
    {
    }

    public InvalidStatusTransitionException(string message)
        : base(message)
    {
    }

    public InvalidStatusTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
