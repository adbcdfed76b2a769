namespace TradingBot.Acceptance.Domain.EventSourcing.Postgres;

/// <summary>
/// A database server the bot refuses to start on: it names the server, the database and the cause (never the
/// password), e.g. an unreachable host, a refused login, a schema the bot cannot run on or may not migrate.
/// </summary>
public sealed class EventStoreServerException(string server, string database, string cause, Exception? inner = null)
    : Exception($"The event store on PostgreSQL server {server}, database {database}: {cause}; the bot does not start on it.", inner)
{
    public string Server { get; } = server;

    public string Database { get; } = database;

    public string Cause { get; } = cause;
}
