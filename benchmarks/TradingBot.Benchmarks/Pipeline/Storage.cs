namespace TradingBot.Benchmarks.Pipeline;

/// <summary>Where the event store lives: shared-cache memory, or a file in WAL mode with <c>synchronous=NORMAL</c>.</summary>
public enum Storage
{
    Memory,
    File,

    /// <summary>A schema of its own on PostgreSQL: <c>TRADINGBOT_POSTGRES</c>, or a throwaway cluster (docs/postgresql.md).</summary>
    Postgres,
}
