namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// What a SQLite database's connections ran (<see cref="SqliteDatabase.StatementRuns"/>): each statement's runs, the
/// pages their commits wrote, and the pages the writer's connection and the readers' read into their caches.
/// </summary>
public sealed record StatementRuns(IReadOnlyDictionary<string, int> Runs, long PagesWritten, long WriterPagesRead, long ReaderPagesRead);
