using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// Classifies our side of a fill by its token symbols (exact, case-sensitive): USDC in and a <c>t</c>-prefixed
/// equity out is a Sell, the reverse a Buy, anything else a non-hedgeable pair. Equity amounts are truncated to
/// 18 decimals, USDC to 6; price = USDC ÷ shares.
/// </summary>
public static class FillClassifier
{
    public const string Usdc = "USDC";
    public const int EquityDecimals = 18;
    public const int UsdcDecimals = 6;

    public static LogReading Classify(TradeId tradeId, long blockNumber, DateTimeOffset? blockTimestamp, OurOrderSide side, string inputSymbol, string outputSymbol)
    {
        ArgumentNullException.ThrowIfNull(side);
        Direction direction;
        if (inputSymbol == Usdc && IsTokenizedEquity(outputSymbol))
            direction = Direction.Sell;
        else if (outputSymbol == Usdc && IsTokenizedEquity(inputSymbol))
            direction = Direction.Buy;
        else
            return new LogReading.Skipped(tradeId, blockNumber, "non_hedgeable_pair", $"{inputSymbol} in, {outputSymbol} out");

        var (equity, equityAmount, usdc, usdcAmount, equitySymbol) = direction == Direction.Sell
            ? (side.Output, side.OutputAmount, side.Input, side.InputAmount, outputSymbol)
            : (side.Input, side.InputAmount, side.Output, side.OutputAmount, inputSymbol);
        var shares = equityAmount.ToDecimal(EquityDecimals);
        var dollars = usdcAmount.ToDecimal(UsdcDecimals);
        if (shares == 0m)
            return new LogReading.Ignored($"no {equitySymbol} moved");
        if (dollars <= 0m)
            return new LogReading.Skipped(tradeId, blockNumber, "unpriceable_fill", $"{shares} {equitySymbol} for {dollars} USDC");
        return new LogReading.Filled(new DecodedFill(
            tradeId, blockNumber, blockTimestamp, equitySymbol, shares, direction, dollars / shares, dollars,
            equity.Token, HexQuantity.Data(equity.VaultId), usdc.Token, HexQuantity.Data(usdc.VaultId)));
    }

    /// <summary><c>t</c> followed by a non-empty ticker; whether the bot knows the ticker is checked later (§2).</summary>
    public static bool IsTokenizedEquity(string symbol) => symbol is ['t', _, ..];
}
