namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// A log or value the bot refuses for good (undecodable data, an IO index out of range, a negative amount):
/// its fill becomes a dead letter, never retried. The message names what is wrong.
/// </summary>
public sealed class UnreadableLogException : Exception
{
    public UnreadableLogException()
    {
    }

    public UnreadableLogException(string message)
        : base(message)
    {
    }

    public UnreadableLogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
