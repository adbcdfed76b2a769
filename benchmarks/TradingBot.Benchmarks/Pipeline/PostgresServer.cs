using System.ComponentModel;
using Npgsql;
using TradingBot.Acceptance.Support.EventStores;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// The PostgreSQL server of a benchmark run, as the tests find theirs (<see cref="TestEventStores"/>): the server
/// of <c>TRADINGBOT_POSTGRES</c>, or a throwaway cluster started on first use and deleted by
/// <see cref="TestEventStores.StopServer"/>.
/// </summary>
public static class PostgresServer
{
    /// <summary>
    /// Reaches the server (starting the throwaway cluster if need be): what it is, e.g. "PostgreSQL 15.14, a
    /// throwaway cluster on the loopback (…)", or why it cannot be used (no <c>initdb</c>, a refused connection),
    /// never both.
    /// </summary>
    public static (string? Server, string? Unavailable) Reach()
    {
        try
        {
            using var connection = new NpgsqlConnection(TestEventStores.ServerConnectionString);
            connection.Open();
            using var version = new NpgsqlCommand("SHOW server_version", connection);
            var where = Environment.GetEnvironmentVariable("TRADINGBOT_POSTGRES") is { Length: > 0 }
                ? $"the server of TRADINGBOT_POSTGRES ({connection.Host}:{connection.Port})"
                : "a throwaway cluster on the loopback (fsync and synchronous_commit off, as the tests')";
            return ($"PostgreSQL {((string)version.ExecuteScalar()!).Split(' ')[0]}, {where}", null);
        }
        catch (Exception unavailable) when (unavailable is InvalidOperationException or NpgsqlException or Win32Exception or IOException or ArgumentException)
        {
            return (null, unavailable.Message.ReplaceLineEndings(" "));
        }
    }
}
