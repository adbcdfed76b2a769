namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>A log already processed was removed by a reorg deeper than the confirmations: the reader restarts.</summary>
public sealed class DeepReorgException : Exception
{
    public DeepReorgException()
    {
    }

    public DeepReorgException(string message)
        : base(message)
    {
    }

    public DeepReorgException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
