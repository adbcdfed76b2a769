using System.Buffers;
using System.Globalization;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.OnChainTrades;

/// <summary>
/// One fill of our on-chain order, checked: a lowercase <c>0x</c> + 64 hex hash, an equity token
/// <c>t</c> + ticker traded against USDC, a positive amount and price. Build it with <see cref="Create"/>.
/// </summary>
public sealed record OnChainFill
{
    // Checked on every fill: a span search, not a substring and an enumerator per hash.
    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    private OnChainFill(TradeId tradeId, Symbol symbol, FractionalShares amount, Direction direction, Usd priceUsdc, long blockNumber, DateTimeOffset blockTimestamp)
    {
        TradeId = tradeId;
        Symbol = symbol;
        Amount = amount;
        Direction = direction;
        PriceUsdc = priceUsdc;
        BlockNumber = blockNumber;
        BlockTimestamp = blockTimestamp;
    }

    public TradeId TradeId { get; }

    /// <summary>The base ticker (<c>AAPL</c> for <c>tAAPL</c>).</summary>
    public Symbol Symbol { get; }

    public FractionalShares Amount { get; }

    /// <summary>Seen from our order: Buy when we received the equity, Sell when we gave it.</summary>
    public Direction Direction { get; }

    public Usd PriceUsdc { get; }

    public long BlockNumber { get; }

    public DateTimeOffset BlockTimestamp { get; }

    public static FillValidation Create(
        string txHash, long logIndex, string tokenSymbol, decimal amount, Direction direction, decimal priceUsdc, long blockNumber, DateTimeOffset blockTimestamp)
    {
        var error = CheckTxHash(txHash)
            ?? (logIndex < 0 ? Error("log_index", "Negative", $"must be 0 or more, was {logIndex}") : null)
            ?? CheckTokenSymbol(tokenSymbol)
            ?? (amount <= 0m ? Error("amount", "NonPositive", $"must be greater than 0, was {Text(amount)}") : null)
            ?? (priceUsdc <= 0m ? Error("price_usdc", "NonPositive", $"must be greater than 0, was {Text(priceUsdc)}") : null)
            ?? (blockNumber < 0 ? Error("block_number", "Negative", $"must be 0 or more, was {blockNumber}") : null);
        if (error is not null)
            return new FillValidation.Invalid(error);
        return new FillValidation.Valid(new OnChainFill(
            new TradeId(txHash, logIndex), Symbol.FromTokenSymbol(tokenSymbol), new FractionalShares(amount), direction, new Usd(priceUsdc), blockNumber, blockTimestamp));
    }

    private static TradeInputError? CheckTxHash(string? txHash) =>
        txHash is { Length: 66 } && txHash.StartsWith("0x", StringComparison.Ordinal) && !txHash.AsSpan(2).ContainsAnyExcept(LowerHexDigits)
            ? null
            : Error("tx_hash", "MalformedHash", $"must be 0x followed by 64 lowercase hex digits, was '{txHash}'");

    private static TradeInputError? CheckTokenSymbol(string? tokenSymbol) =>
        tokenSymbol switch
        {
            null or "" => Error("token_symbol", "EmptySymbolError", "must not be empty"),
            _ when Symbol.TryFromTokenSymbol(tokenSymbol, out _) => null,
            _ => Error("token_symbol", "InvalidSymbolConfiguration", $"'{tokenSymbol}' is not a tokenized equity traded against USDC: expected 't' followed by a ticker, e.g. tAAPL"),
        };

    private static TradeInputError Error(string field, string code, string message) => new(field, code, message);

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
