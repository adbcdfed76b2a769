using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TradingBot.Acceptance.UnitTests.OperatorSurface;

/// <summary>Keeps every line logged, with its exception, so a test can look for what must never be there.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}
