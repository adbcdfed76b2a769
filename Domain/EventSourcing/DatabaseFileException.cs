namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// A database file the bot refuses to open: it names the file and what is wrong with it, so that an
/// operator never starts on an empty store in place of a damaged one (§10).
/// </summary>
public sealed class DatabaseFileException(string path, string problem, Exception? inner = null)
    : Exception($"The database file {path} {problem}; the bot does not start on it.", inner)
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}
