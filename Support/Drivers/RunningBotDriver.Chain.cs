using System.Globalization;
using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Chain;
using TradingBot.Acceptance.Support.Parameters;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// The chain as the running bot reads it: clears, fills it does not hedge, reorgs, a silent subscription, fills made
/// while the bot is stopped; and what the bot read: its checkpoint, its trades, the fills it skipped.
/// </summary>
public sealed partial class RunningBotDriver
{
    /// <summary>How many times the watchdog found the subscription silent (and backfilled what it had missed).</summary>
    public int Stalls => Bot.Reader.Stalls;

    /// <summary>The bot's checkpoint when it was stopped.</summary>
    public long? CheckpointAtStop { get; private set; }

    /// <summary>How many connections the node had accepted when the bot was stopped.</summary>
    public int ConnectionsAtStop { get; private set; }

    /// <summary>The bot's order is cleared against another owner's; returns once the bot has processed the fill.</summary>
    public Task ClearAsync(TokenizedEquity token, Direction botSide, FractionalShares shares, Usd price, bool botIsAlice)
    {
        TheChain.Clear(token, botSide, shares.Value, price.Value, botIsAlice);
        return AdvanceUntilAllFillsProcessedAsync();
    }

    /// <summary>A taker takes the bot's order giving <paramref name="gives"/> for USDC; returns once the bot has skipped it.</summary>
    public Task TakeUnhedgeableAsync(string gives, decimal given, decimal usdc)
    {
        var skipped = SkippedFills().Count;
        TheChain.TakePair(gives, given, "USDC", usdc);
        return PassUntilAsync(() => SkippedFills().Count > skipped, $"the fill of {gives} skipped", ConfirmationPatience);
    }

    /// <summary>A taker takes the bot's order; once the block is mined, a reorg takes the transaction back, before its confirmations.</summary>
    public async Task TakeAndReorgAsync(TokenizedEquity token, FractionalShares shares, Usd price)
    {
        var transaction = TheChain.Trades.Take(token.ToString(), Direction.Sell, shares.Value, price.Value);
        await PassUntilAsync(() => TheChain.Node.Chain.Transaction(transaction) is not null, "the fill mined", ConfirmationPatience).ConfigureAwait(false);
        TheChain.Reorg(transaction);
        await WaitAsync(() => true).ConfigureAwait(false);
    }

    /// <summary>The node pushes nothing for <paramref name="silence"/> (its sockets stay open) while the chain reports the fills.</summary>
    public async Task ReportWhileSilentAsync(IReadOnlyList<ChainFillOrder> round, int rounds, TimeSpan silence)
    {
        TheChain.Node.Faults.Silent = true;
        TheChain.Report(round, rounds);
        await PassAsync(silence).ConfigureAwait(false);
        TheChain.Node.Faults.Silent = false;
        await AdvanceUntilAllFillsProcessedAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the bot gracefully; the chain goes on.</summary>
    public async Task StopAsync()
    {
        await Bot.StopAsync(CancellationToken.None).ConfigureAwait(false);
        CheckpointAtStop = Checkpoint();
        ConnectionsAtStop = TheChain.Node.Connections;
        await DisposeBotAsync().ConfigureAwait(false);
    }

    /// <summary>The chain reports fills while no bot reads it; the clock moves until they are confirmed.</summary>
    public void ReportWhileStopped(IReadOnlyList<ChainFillOrder> round, int rounds)
    {
        var fills = TheChain.Report(round, rounds);
        for (var second = 0; second < 60 && !fills.All(fill => TheChain.Node.Chain.Transaction(fill) is { } mined
                 && mined.Block.Number <= TheChain.Node.Chain.Tip - ScenarioChain.RequiredConfirmations); second++)
            Clock.Advance(Step);
    }

    /// <summary>The last block the bot has read every log of, or null before its first.</summary>
    public long? Checkpoint()
    {
        using var read = Database.BeginRead();
        return new ChainIngestion(read).Checkpoint(ScenarioChain.Orderbook);
    }

    /// <summary>The fills of the bot's orders it recorded as not to be hedged, with their reason.</summary>
    public IReadOnlyList<(string TxHash, long LogIndex, string Reason)> SkippedFills()
    {
        using var read = Database.BeginRead();
        return new ChainIngestion(read).SkippedFills();
    }

    /// <summary>The on-chain trades in the event log.</summary>
    public IReadOnlyList<RecordedFill> RecordedFills() =>
        [.. EventLog().Where(recorded => recorded.AggregateType == "OnChainTrade" && recorded.EventName == "Filled").Select(recorded =>
        {
            using var payload = JsonDocument.Parse(recorded.Payload);
            var filled = payload.RootElement.GetProperty("Filled");
            return new RecordedFill(
                filled.GetProperty("symbol").GetString()!,
                Enum.Parse<Direction>(filled.GetProperty("direction").GetString()!),
                decimal.Parse(filled.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture),
                decimal.Parse(filled.GetProperty("price_usdc").GetString()!, CultureInfo.InvariantCulture));
        })];
}
