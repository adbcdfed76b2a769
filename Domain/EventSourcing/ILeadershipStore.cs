namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Where the leadership lease of an active/standby pair is kept (PostgreSQL's <c>leadership_lease</c> row). Every
/// expiry is reckoned on the store's own clock, so the instances' clocks do not matter.
/// </summary>
public interface ILeadershipStore
{
    /// <summary>Takes the lease for <paramref name="duration"/> in a new term if nobody holds it unexpired.</summary>
    Task<LeaseClaim> TryAcquireAsync(string holder, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Extends the lease <paramref name="holder"/> holds in <paramref name="term"/>; <c>false</c> when it does not hold it (expired or taken over).</summary>
    Task<bool> RenewAsync(string holder, long term, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Ends the lease at once, if <paramref name="holder"/> still holds it in <paramref name="term"/>: the standby need not wait for its expiry.</summary>
    Task ReleaseAsync(string holder, long term, CancellationToken cancellationToken);
}

/// <summary>What an attempt to take the lease found: the term taken, or who holds it and for how much longer.</summary>
public sealed record LeaseClaim(long Term, string? Holder, TimeSpan Remaining)
{
    public bool Acquired => Holder is null;

    public static LeaseClaim Taken(long term) => new(term, null, TimeSpan.Zero);

    public static LeaseClaim HeldBy(string holder, long term, TimeSpan remaining) => new(term, holder, remaining);
}
