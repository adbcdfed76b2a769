using Microsoft.Extensions.Logging;

namespace TradingBot.Host;

/// <summary>
/// The operator log: one line per entry, appended to a file beside the database and flushed at once, so that
/// what the bot said before a crash is still there after it.
/// </summary>
public sealed class OperatorLog(string path) : ILoggerProvider
{
    private readonly StreamWriter writer = new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    private readonly Lock gate = new();

    public string Path { get; } = path;

    public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

    public void Dispose() => writer.Dispose();

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        var line = $"{DateTimeOffset.UtcNow:O} {level} {category}: {message}{(exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message)}";
        lock (gate)
            writer.WriteLine(line);
    }

    private sealed class Category(OperatorLog log, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                log.Write(logLevel, name, formatter(state, exception), exception);
        }
    }
}
