namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>The bot's configuration file is not valid; the message reads <c>file:line: key: what</c>.</summary>
public sealed class BotConfigurationException : Exception
{
    public BotConfigurationException(string message)
        : base(message)
    {
    }

    public BotConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
