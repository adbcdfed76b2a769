namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// A write or broker call of an instance that does not hold the leadership lease (active/standby): refused, the
/// transaction rolled back. The instance steps down; the one holding the lease does the work.
/// </summary>
public sealed class LeadershipLostException : Exception
{
    public LeadershipLostException(string message)
        : base(message)
    {
    }

    public LeadershipLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
