using Microsoft.Extensions.Time.Testing;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.UnitTests.Hosting;

/// <summary>
/// The leadership lease as PostgreSQL's row keeps it (<c>PostgresLeaseStore</c>), in memory, with the fake clock for
/// the server's: taken when absent or expired in the next term, renewed only by its holder in its term before it expires.
/// </summary>
internal sealed class FakeLeadershipStore(FakeTimeProvider clock) : ILeadershipStore
{
    public string? Holder { get; private set; }

    public long Term { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int Attempts { get; private set; }

    public int Renewals { get; private set; }

    /// <summary>The next renewal throws, as when the database cannot be reached.</summary>
    public bool FailNextRenewal { get; set; }

    /// <summary>Another instance holds the lease in the next term, for <paramref name="duration"/> from now.</summary>
    public void TakenBy(string holder, TimeSpan duration)
    {
        Holder = holder;
        Term++;
        ExpiresAt = clock.GetUtcNow() + duration;
    }

    public Task<LeaseClaim> TryAcquireAsync(string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        Attempts++;
        var now = clock.GetUtcNow();
        if (Holder is not null && ExpiresAt > now)
            return Task.FromResult(LeaseClaim.HeldBy(Holder, Term, ExpiresAt - now));
        TakenBy(holder, duration);
        return Task.FromResult(LeaseClaim.Taken(Term));
    }

    public Task<bool> RenewAsync(string holder, long term, TimeSpan duration, CancellationToken cancellationToken)
    {
        Renewals++;
        if (FailNextRenewal)
        {
            FailNextRenewal = false;
            throw new TimeoutException("the database did not answer");
        }

        var now = clock.GetUtcNow();
        if (Holder != holder || Term != term || ExpiresAt <= now)
            return Task.FromResult(false);
        ExpiresAt = now + duration;
        return Task.FromResult(true);
    }

    public Task ReleaseAsync(string holder, long term, CancellationToken cancellationToken)
    {
        if (Holder == holder && Term == term)
            ExpiresAt = clock.GetUtcNow();
        return Task.CompletedTask;
    }
}
