using System.Globalization;

namespace TradingBot.Acceptance.Domain.Finance;

/// <summary>A base equity ticker such as <c>AAPL</c>: positions, broker orders and inventory are keyed by it.</summary>
public readonly record struct Symbol
{
    public Symbol(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException("A symbol must not be empty.", nameof(value));
        if (!value.All(character => char.IsAsciiLetterUpper(character) || char.IsAsciiDigit(character) || character == '.'))
            throw new ArgumentException($"'{value}' is not a ticker: use upper-case letters, digits and '.'.", nameof(value));
        Value = value;
    }

    public string Value { get; }

    /// <summary>The tokenized equity's ERC-20 symbol: <c>t</c> + ticker.</summary>
    public string TokenSymbol => "t" + Value;

    /// <summary>Reads <c>tAAPL</c> as <c>AAPL</c>; anything else is not an equity token.</summary>
    public static bool TryFromTokenSymbol(string tokenSymbol, out Symbol symbol)
    {
        symbol = default;
        if (tokenSymbol is not ['t', .. var ticker] || ticker.Length == 0
            || !ticker.All(character => char.IsAsciiLetterUpper(character) || char.IsAsciiDigit(character) || character == '.'))
            return false;
        symbol = new Symbol(ticker);
        return true;
    }

    public static Symbol FromTokenSymbol(string tokenSymbol) =>
        TryFromTokenSymbol(tokenSymbol, out var symbol)
            ? symbol
            : throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{tokenSymbol}' is not a tokenized equity: expected 't' followed by a ticker, e.g. tAAPL."),
                nameof(tokenSymbol));

    public override string ToString() => Value;
}
