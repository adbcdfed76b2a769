using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TradingBot.Acceptance.Support.Hosting;

/// <summary>
/// Keeps every line the running bot logs, with its exception, so that a scenario or a test can look for what
/// must never be there (a token) and a failed scenario can show what the bot said.
/// </summary>
public sealed class BotLogRecorder : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception)}");
    }

    public void Dispose()
    {
    }
}
