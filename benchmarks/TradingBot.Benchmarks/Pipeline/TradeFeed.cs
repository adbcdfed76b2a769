using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;

namespace TradingBot.Benchmarks.Pipeline;

/// <summary>
/// On-chain fills spread round-robin over 20 symbols, each selling 1 tokenized share: every fill reaches
/// the 1-share threshold, so every one runs the whole pipeline up to a broker order and its fill.
/// </summary>
public static class TradeFeed
{
    public static readonly IReadOnlyList<Symbol> Symbols =
    [
        .. new[]
        {
            "AAPL", "MSFT", "NVDA", "TSLA", "AMZN", "GOOG", "META", "NFLX", "AMD", "INTC",
            "COIN", "SPLG", "QQQ", "IBM", "ORCL", "CRM", "ADBE", "PYPL", "UBER", "SHOP",
        }.Select(ticker => new Symbol(ticker)),
    ];

    public static readonly DateTimeOffset Start = new(2025, 1, 6, 15, 0, 0, TimeSpan.Zero);

    /// <summary>The chain events of <paramref name="count"/> fills, in chain order; <paramref name="seed"/> keeps hashes apart.</summary>
    public static IReadOnlyList<ChainEvent> Fills(int count, int seed = 0)
    {
        var fills = new ChainEvent[count];
        for (var index = 0; index < count; index++)
            fills[index] = Fill(index, seed);
        return fills;
    }

    public static ChainEvent Fill(int index, int seed = 0)
    {
        var symbol = Symbols[index % Symbols.Count];
        var hash = string.Create(CultureInfo.InvariantCulture, $"0x{seed:x8}{index:x56}");
        return FillEventData.ForFill(hash, 0, 1_000 + index, Start.AddSeconds(-12), symbol.TokenSymbol, 1m, Direction.Sell, 100m);
    }
}
