namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// What the soak keeps of a run (spans of the bot's trace, the collector's pauses), in an array taken at the start, so
/// that its bookkeeping does not grow the memory it measures; items past the array's end are only counted. Added to
/// from any thread.
/// </summary>
public sealed class KeptArray<T>(int capacity)
{
    private readonly T[] items = new T[capacity];
    private readonly Lock gate = new();
    private int count;
    private int dropped;

    /// <summary>How many items did not fit in the array.</summary>
    public int Dropped
    {
        get
        {
            lock (gate)
                return dropped;
        }
    }

    public void Add(T item)
    {
        lock (gate)
        {
            if (count < items.Length)
                items[count++] = item;
            else
                dropped++;
        }
    }

    /// <summary>The items kept so far, in the order they were added.</summary>
    public T[] Kept()
    {
        lock (gate)
            return items[..count];
    }

    /// <summary>Whether an item kept so far matches, without copying them.</summary>
    public bool Any(Func<T, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (gate)
        {
            for (var index = 0; index < count; index++)
            {
                if (match(items[index]))
                    return true;
            }
        }

        return false;
    }
}
