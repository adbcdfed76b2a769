using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TradingBot.Acceptance.UnitTests.Secrets;

/// <summary>Every line the bot's loggers write, with the exception's full text when there is one, kept to be scanned.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    /// <summary>The lines written since the last call, and forgets them.</summary>
    public IReadOnlyList<string> Drain()
    {
        var drained = new List<string>();
        while (lines.TryDequeue(out var line))
            drained.Add(line);
        return drained;
    }

    public ILoggerFactory Factory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
                lines.Enqueue(string.Join("; ", properties.Select(property => $"{property.Key}={property.Value}")));
        }
    }
}
