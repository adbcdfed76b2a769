using System.Diagnostics;
using System.Text;

namespace TradingBot.Benchmarks.Soak;

/// <summary>
/// What the soak's two processes agree on without telling each other: the fills' pace, their symbols and when
/// each falls due. Fill <c>i</c> sells one share of <c>Ticker(i mod symbols)</c>, due <c>i</c> thousandths of a
/// second after the start. Times are <see cref="Stopwatch"/> timestamps, read on Linux from the monotonic clock
/// that every process of the machine shares (checked at the start of each run: <see cref="NodeProcess"/>).
/// </summary>
public static class SoakFills
{
    public const double PerSecond = 1_000;
    public const int Confirmations = 3;
    private const int Symbols = 30_000;

    public static int Count(TimeSpan duration) => (int)(duration.TotalSeconds * PerSecond);

    /// <summary>How many symbols <paramref name="fills"/> fills rotate over.</summary>
    public static int SymbolCount(int fills) => Math.Min(fills, Symbols);

    /// <summary>The symbols in rotation, without their token's "t".</summary>
    public static List<string> Tickers(int fills) => [.. Enumerable.Range(1, SymbolCount(fills)).Select(Ticker)];

    public static long Due(long started, int index) => started + (long)(index * Stopwatch.Frequency / PerSecond);

    // A ticker per number (A, B, …, Z, BA, BB, …).
    private static string Ticker(int number)
    {
        var letters = new StringBuilder();
        for (var rest = number; rest > 0; rest /= 26)
            letters.Insert(0, (char)('A' + (rest % 26)));
        return letters.ToString();
    }
}
