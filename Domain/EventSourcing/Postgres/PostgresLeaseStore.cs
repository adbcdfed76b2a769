using Npgsql;

namespace TradingBot.Acceptance.Domain.EventSourcing.Postgres;

/// <summary>
/// The leadership lease in the store's <c>leadership_lease</c> row (migration 0008): taken when it is absent or
/// expired, with the term one higher; renewed only by its holder in its term and before it expires. Every time is
/// the server's <c>clock_timestamp()</c>. Each call is one statement on a connection of its own, with a timeout of
/// the lease's length, so a stuck server reads as a failed renewal.
/// </summary>
public sealed class PostgresLeaseStore(NpgsqlDataSource source) : ILeadershipStore
{
    private const string Acquire = """
        INSERT INTO leadership_lease AS lease (id, holder, term, acquired_at, expires_at)
        VALUES (1, $1, 1, clock_timestamp(), clock_timestamp() + make_interval(secs => $2))
        ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, term = lease.term + 1, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
        WHERE lease.expires_at <= clock_timestamp()
        RETURNING term
        """;

    private const string Holder = "SELECT holder, term, GREATEST(EXTRACT(EPOCH FROM expires_at - clock_timestamp()), 0)::float8 FROM leadership_lease WHERE id = 1";

    private const string Renew = """
        UPDATE leadership_lease SET expires_at = clock_timestamp() + make_interval(secs => $3)
        WHERE id = 1 AND holder = $1 AND term = $2 AND expires_at > clock_timestamp()
        """;

    private const string Release = "UPDATE leadership_lease SET expires_at = clock_timestamp() WHERE id = 1 AND holder = $1 AND term = $2";

    public async Task<LeaseClaim> TryAcquireAsync(string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var acquire = Command(connection, Acquire, duration, holder, duration.TotalSeconds))
        {
            if (await acquire.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long term)
                return LeaseClaim.Taken(term);
        }

        await using var read = Command(connection, Holder, duration);
        await using var row = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await row.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? LeaseClaim.HeldBy(row.GetString(0), row.GetInt64(1), TimeSpan.FromSeconds(row.GetDouble(2)))
            : LeaseClaim.HeldBy("(nobody)", 0, TimeSpan.Zero);
    }

    public async Task<bool> RenewAsync(string holder, long term, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var renew = Command(connection, Renew, duration, holder, term, duration.TotalSeconds);
        return await renew.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task ReleaseAsync(string holder, long term, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var release = Command(connection, Release, duration: TimeSpan.FromSeconds(5), holder, term);
        await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, TimeSpan duration, params object[] values)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds)) };
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
