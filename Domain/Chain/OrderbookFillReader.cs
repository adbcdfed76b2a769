using TradingBot.Acceptance.Domain.Chain.Abi;
using TradingBot.Acceptance.Domain.OnChainTrades;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// Turns one confirmed orderbook log into what it means for the bot (DOMAIN §12.3): ours or not, our side, the
/// amounts (for a clear, from its <c>AfterClearV2</c>), the token symbols and the block's time.
/// Node failures throw <see cref="ChainRpcException"/> so the log is read again later; a log the bot cannot read
/// is <see cref="LogReading.Refused"/> with a reason naming it.
/// </summary>
public sealed class OrderbookFillReader(OrderbookSettings settings, IChainRpc rpc, TokenSymbols symbols)
{
    public async Task<LogReading> ReadAsync(ChainLog log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!log.IsPlaced)
            return new LogReading.Ignored($"log without block, transaction or index ({log.Where})");
        if (!ChainAddress.AreEqual(log.Address, settings.Orderbook))
            return new LogReading.Ignored($"log of {log.Address}, not the orderbook");
        var tradeId = new TradeId(log.TransactionHash!.ToLowerInvariant(), log.LogIndex!.Value);
        var block = log.BlockNumber!.Value;
        try
        {
            var side = await OurSideAsync(log, cancellation).ConfigureAwait(false);
            if (side is null)
                return new LogReading.Ignored($"not our order ({log.Where})");
            var inputSymbol = await symbols.SymbolOfAsync(side.Input.Token, cancellation).ConfigureAwait(false);
            var outputSymbol = await symbols.SymbolOfAsync(side.Output.Token, cancellation).ConfigureAwait(false);
            var timestamp = await TimestampAsync(log, cancellation).ConfigureAwait(false);
            return FillClassifier.Classify(tradeId, block, timestamp, side, inputSymbol, outputSymbol);
        }
        catch (UnreadableLogException exception)
        {
            var reason = exception.Message.Contains(log.Where, StringComparison.Ordinal) ? exception.Message : $"{exception.Message} ({log.Where})";
            return new LogReading.Refused(tradeId, block, reason);
        }
    }

    private async Task<OurOrderSide?> OurSideAsync(ChainLog log, CancellationToken cancellation)
    {
        if (OrderbookLogDecoder.IsTakeOrder(log))
            return OurOrderSide.Of(OrderbookLogDecoder.DecodeTakeOrder(log), settings.OrderOwner, log.Where);
        if (!OrderbookLogDecoder.IsClear(log))
            return null;
        var clear = OrderbookLogDecoder.DecodeClear(log);
        if (OurOrderSide.IsAliceOurs(clear, settings.OrderOwner) is not { } aliceOurs)
            return null;
        var change = await AfterClearAsync(log, cancellation).ConfigureAwait(false);
        return OurOrderSide.Of(clear, aliceOurs, change, log.Where);
    }

    /// <summary>
    /// The clear's amounts: the first <c>AfterClearV2</c> after it in the same transaction, from the block's logs,
    /// else from the receipt; none at all is a node that has not caught up, retried.
    /// </summary>
    private async Task<ClearStateChangeV2> AfterClearAsync(ChainLog clear, CancellationToken cancellation)
    {
        var block = clear.BlockNumber!.Value;
        var inBlock = await rpc.GetLogsAsync(new LogFilter(settings.Orderbook, block, block, [OrderbookTopics.AfterClearV2]), cancellation).ConfigureAwait(false);
        var companion = Companion(clear, inBlock);
        if (companion is null)
        {
            var receipt = await rpc.ReceiptLogsAsync(clear.TransactionHash!, cancellation).ConfigureAwait(false);
            companion = Companion(clear, receipt ?? []);
        }

        return companion is null
            ? throw new ChainRpcException($"no AfterClearV2 follows the ClearV3 at {clear.Where}, in the block's logs or the receipt")
            : OrderbookLogDecoder.DecodeAfterClear(companion).ClearStateChange;
    }

    private ChainLog? Companion(ChainLog clear, IEnumerable<ChainLog> logs) =>
        logs.Where(log => OrderbookLogDecoder.IsAfterClear(log) && !log.Removed && ChainAddress.AreEqual(log.Address, settings.Orderbook)
                && string.Equals(log.TransactionHash, clear.TransactionHash, StringComparison.OrdinalIgnoreCase) && log.LogIndex > clear.LogIndex)
            .MinBy(log => log.LogIndex);

    private async Task<DateTimeOffset?> TimestampAsync(ChainLog log, CancellationToken cancellation)
    {
        var seconds = log.BlockTimestamp ?? await rpc.BlockTimestampAsync(log.BlockNumber!.Value, cancellation).ConfigureAwait(false);
        return seconds is { } value ? DateTimeOffset.FromUnixTimeSeconds(value) : null;
    }
}
