using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.EventSourcing.Postgres;

namespace TradingBot.Acceptance.Support.EventStores;

/// <summary>
/// Where one scenario (or test) keeps its events, of the run's kind (<see cref="TestEventStores"/>): SQLite in
/// memory, or in a temporary file once <see cref="KeepDurable"/> asked for a store that outlives the bot; or a
/// schema of its own on the run's PostgreSQL server, always durable. Opening again after a close is a restart
/// on the same events. Disposing deletes the file or drops the schema.
/// </summary>
public sealed class ScenarioStore(EventStoreKind kind) : IDisposable
{
    private string? file;
    private string? schema;

    public ScenarioStore()
        : this(TestEventStores.Kind)
    {
    }

    public EventStoreKind Kind => kind;

    /// <summary>The store survives closing the database: the bot can restart on it.</summary>
    public bool Durable => kind == EventStoreKind.Postgres || file is not null;

    /// <summary>On SQLite, a temporary file instead of memory; PostgreSQL keeps its events anyway.</summary>
    public void KeepDurable()
    {
        if (kind == EventStoreKind.Sqlite)
            file ??= Path.Combine(Path.GetTempPath(), $"trading-bot-{Guid.NewGuid():N}.db");
    }

    /// <summary>The PostgreSQL store's connection string (its schema is made on the first call), e.g. for a bot process.</summary>
    public string PostgresConnection => kind == EventStoreKind.Postgres
        ? schema ??= TestEventStores.NewSchema()
        : throw new InvalidOperationException("A SQLite store has no PostgreSQL connection.");

    /// <summary>Opens the store: created on the first call, the same events on every later one.</summary>
    public EventStoreDatabase Open(TimeProvider clock)
    {
        if (kind == EventStoreKind.Postgres)
            return PostgresDatabase.Open(PostgresConnection, clock);
        return file is null ? SqliteDatabase.InMemory(clock) : SqliteDatabase.OpenFile(file, clock);
    }

    public void Dispose()
    {
        if (schema is not null)
            TestEventStores.DropSchema(schema);
        if (file is null)
            return;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            File.Delete(path);
    }
}
