namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// What fences an instance of an active/standby pair: its name as the leadership lease's holder, the term it
/// holds (0 while standby) and until when it holds it by its own monotonic clock. The store's database checks
/// holder and term in every write transaction (on the server's clock); the local deadline stops a broker call
/// of an instance that was paused past its lease before the database is even asked.
/// </summary>
public sealed class LeadershipFence(string holder, TimeSpan duration, TimeProvider clock)
{
    private readonly Lock gate = new();
    private long term;
    private long heldUntil;

    /// <summary>This instance, as the lease names its holder.</summary>
    public string Holder { get; } = holder;

    /// <summary>How long a lease lasts from the moment it was taken or last renewed.</summary>
    public TimeSpan Duration { get; } = duration;

    /// <summary>The term held, or 0 while this instance does not lead.</summary>
    public long Term
    {
        get
        {
            lock (gate)
                return term;
        }
    }

    /// <summary>The term is held and its lease, counted from before the last renewal was asked for, has not run out.</summary>
    public bool IsHeld
    {
        get
        {
            lock (gate)
                return term != 0 && clock.GetTimestamp() < heldUntil;
        }
    }

    /// <summary>Holds <paramref name="heldTerm"/> until <see cref="Duration"/> after <paramref name="askedAt"/> (a timestamp of the clock).</summary>
    public void Hold(long heldTerm, long askedAt)
    {
        lock (gate)
        {
            term = heldTerm;
            heldUntil = askedAt + (long)(Duration.TotalSeconds * clock.TimestampFrequency);
        }
    }

    /// <summary>The term is over: from now on every write and broker call of this instance is refused.</summary>
    public void Drop()
    {
        lock (gate)
            term = 0;
    }

    /// <exception cref="LeadershipLostException">This instance does not hold the lease now.</exception>
    public void ThrowIfNotHeld(string action)
    {
        if (!IsHeld)
            throw new LeadershipLostException($"{Holder} does not hold the leadership lease (term {Term}): {action} refused.");
    }
}
