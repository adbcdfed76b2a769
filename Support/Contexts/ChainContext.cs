using System.Globalization;
using TradingBot.Acceptance.Support.Parameters;

namespace TradingBot.Acceptance.Support.Contexts;

/// <summary>Where the scenario's chain is: the next transaction hash and block for fills a step does not number.</summary>
public sealed class ChainContext
{
    private const long FirstBlock = 100;

    private int transactions;
    private long block = FirstBlock - 1;

    /// <summary>A fresh transaction (0x…01, 0x…02, …), one per fill.</summary>
    public TransactionHash NextTransaction() =>
        new(string.Create(CultureInfo.InvariantCulture, $"0x{++transactions:x}"));

    /// <summary>Each fill a step makes lands in its own, later block.</summary>
    public long NextBlock() => ++block;

    /// <summary>Fills are seen a block (12 s) after they happened.</summary>
    public static DateTimeOffset BlockTimestamp(DateTimeOffset now) => now.AddSeconds(-12);
}
