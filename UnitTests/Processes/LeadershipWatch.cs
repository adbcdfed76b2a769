using System.Diagnostics;
using Npgsql;
using NUnit.Framework;

namespace TradingBot.Acceptance.UnitTests.Processes;

/// <summary>
/// Reads the store's leadership lease (holder and term) from the test's own connection, every 20 ms while waiting
/// for a takeover: how long after a kill a standby took the lease is measured here, on the test's clock.
/// </summary>
public sealed class LeadershipWatch(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource source = NpgsqlDataSource.Create(connectionString);

    /// <summary>The lease as it stands, or <c>null</c> when nobody took it yet.</summary>
    public async Task<Lease?> ReadAsync()
    {
        await using var command = source.CreateCommand("SELECT holder, term FROM leadership_lease WHERE id = 1");
        await using var row = await command.ExecuteReaderAsync();
        return await row.ReadAsync() ? new Lease(row.GetString(0), row.GetInt64(1)) : null;
    }

    /// <summary>Waits until a term after <paramref name="previousTerm"/> is held; fails with <paramref name="context"/> past <paramref name="patience"/>.</summary>
    public async Task<Lease> WaitForTermAfterAsync(long previousTerm, TimeSpan patience, Func<string> context)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < patience)
        {
            if (await ReadAsync() is { } lease && lease.Term > previousTerm)
                return lease;
            await Task.Delay(20);
        }

        Assert.Fail($"No instance took the leadership lease after term {previousTerm} within {patience.TotalSeconds} s:\n{context()}");
        throw new UnreachableException();
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();

    public sealed record Lease(string Holder, long Term);
}
