namespace TradingBot.Acceptance.Domain.EventSourcing.Postgres;

/// <summary>A store whose schema this bot cannot run on (see <see cref="PostgresMigrator"/>).</summary>
internal sealed class SchemaVersionException(string cause, Exception? inner = null) : Exception(cause, inner);
