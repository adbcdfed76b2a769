using System.Globalization;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Support.Contexts;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Support.Parameters;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// The chain side: fills of the bot's on-chain orders, traded directly (as the conductor receives them)
/// or delivered through the event queue; and what the bot made of them. When the whole bot runs
/// (<c>@e2e</c>), a fill comes through its chain feed instead.
/// </summary>
public sealed class OnChainDriver(
    ScenarioWorld host, ChainContext chain, PriceContext prices, BrokerWaitContext waits, ScenarioRebalancing rebalancing, RunningBotDriver runningBot)
{
    /// <summary>The following fills of the symbol carry this USDC price.</summary>
    public void SetLastPrice(Symbol symbol, Usd price) => prices.Set(symbol, price);

    /// <summary>
    /// One fill goes through the conductor and, when it triggers a hedge, the hedge goes to the broker,
    /// as the running bot does (DOMAIN §7).
    /// </summary>
    public async Task TradeAsync(Direction side, FractionalShares quantity, TokenizedEquity token, CancellationToken cancellationToken = default)
    {
        if (runningBot.IsRunning)
        {
            await runningBot.TradeAsync(side, quantity, token, prices.Of(token.Symbol));
            return;
        }

        var fill = Fill(chain.NextTransaction(), 0, chain.NextBlock(), side, quantity, token.ToString());
        var conductor = host.Bot.Conductor;
        await waits.RunAsync(async () =>
        {
            if (await rebalancing.FollowAsync(() => conductor.ProcessTradeWithinTransactionAsync(fill, cancellationToken)) is { } execution)
                await rebalancing.FollowAsync(() => conductor.ExecutePendingOffchainExecutionAsync(execution.ExecutionId, cancellationToken));
        });
    }

    /// <summary>Fills from a table with the columns side, quantity and token, one after the other.</summary>
    public async Task TradeAllAsync(IEnumerable<(string Side, string Quantity, string Token)> rows, CancellationToken cancellationToken = default)
    {
        foreach (var (side, quantity, token) in rows)
            await TradeAsync(ReadSide(side), ReadQuantity(quantity), ReadToken(token), cancellationToken);
    }

    /// <summary>A chain event arrives: it is queued (a redelivery is dropped) and the queue is processed.</summary>
    public async Task DeliverAsync(TransactionHash tx, long logIndex, FractionalShares quantity, TokenizedEquity token, CancellationToken cancellationToken = default)
    {
        Queue(tx, logIndex, chain.NextBlock(), Direction.Sell, quantity, token.ToString());
        await ProcessQueueAsync(cancellationToken);
    }

    /// <summary>Queues chain events from a table with the columns tx, block, log, side, quantity and token, without processing them.</summary>
    public void QueueAll(IEnumerable<(string Tx, string Block, string Log, string Side, string Quantity, string Token)> rows)
    {
        foreach (var row in rows)
            Queue(new TransactionHash(row.Tx), ReadWhole(row.Log, "log"), ReadWhole(row.Block, "block"), ReadSide(row.Side), ReadQuantity(row.Quantity), row.Token);
    }

    public void QueueSell(TransactionHash tx, long logIndex, FractionalShares quantity, TokenizedEquity token) =>
        Queue(tx, logIndex, chain.NextBlock(), Direction.Sell, quantity, token.ToString());

    /// <summary>Rounds of fills wait in the event queue, each fill a new transaction in its own block, none processed yet.</summary>
    public void QueueRounds(IReadOnlyList<ChainFillOrder> round, int rounds)
    {
        for (var pass = 0; pass < rounds; pass++)
        {
            foreach (var fill in round)
                Queue(chain.NextTransaction(), 0, chain.NextBlock(), fill.Side, new FractionalShares(fill.Quantity), fill.Token.ToString());
        }
    }

    /// <summary>The chain reports a fill as the chain has it, unchecked: the bot checks it when it processes its queue.</summary>
    public void Report(TransactionHash tx, long logIndex, Direction side, FractionalShares quantity, TokenizedEquity token) =>
        host.Bot.Queue.Enqueue(FillEventData.ForFill(
            tx.Value, logIndex, chain.NextBlock(), ChainContext.BlockTimestamp(host.Clock.GetUtcNow()), token.ToString(), quantity.Value, side, prices.Of(token.Symbol).Value));

    /// <summary>The chain reports an event that says which token and side but not how much: no fill can be read from it.</summary>
    public void ReportUnreadable(TransactionHash tx, long logIndex)
    {
        const string withoutAmount = """{"token_symbol":"tAAPL","direction":"Sell","price_usdc":"100"}""";
        if (!host.Bot.Queue.Enqueue(new ChainEvent(tx.Value, logIndex, chain.NextBlock(), ChainContext.BlockTimestamp(host.Clock.GetUtcNow()), withoutAmount)))
            throw new InvalidOperationException($"The event queue already holds {tx.Shorthand} #{logIndex}.");
    }

    /// <summary>The event queue's row of the chain event, dead letter or not.</summary>
    public QueuedEvent QueueRow(TransactionHash tx, long logIndex) =>
        host.Bot.Queue.Rows().SingleOrDefault(row => row.Event.TxHash == tx.Value && row.Event.LogIndex == logIndex)
            ?? throw new InvalidOperationException($"The chain never reported the event {tx.Shorthand} #{logIndex}.");

    public Task<IReadOnlyList<QueueStep>> ProcessQueueAsync(CancellationToken cancellationToken = default) =>
        waits.RunAsync(() => rebalancing.FollowAsync(() => host.Bot.Queue.ProcessAllAsync(cancellationToken)));

    /// <summary>Why the bot set the queued chain event aside (its dead letter); fails when it did not.</summary>
    public string SetAsideReason(TransactionHash tx, long logIndex)
    {
        var row = host.Bot.Queue.Rows().SingleOrDefault(row => row.Event.TxHash == tx.Value && row.Event.LogIndex == logIndex)
            ?? throw new InvalidOperationException($"No on-chain event {tx.Shorthand} #{logIndex} was queued.");
        return row.Error ?? throw new InvalidOperationException(
            $"The on-chain event {tx.Shorthand} #{logIndex} was not set aside: it was {(row.Processed ? "processed as a trade" : "not processed yet")}.");
    }

    /// <summary>Whatever the bot kept or sent of a token: events that mention its symbol, orders the broker received for it.</summary>
    public IReadOnlyList<string> TracesOf(string token)
    {
        var symbol = Symbol.FromTokenSymbol(token);
        return
        [
            .. host.Database.ReadEventLog()
                .Where(recorded => recorded.AggregateId.Contains(symbol.Value, StringComparison.Ordinal) || recorded.Payload.Contains($"\"{symbol.Value}\"", StringComparison.Ordinal)
                    || recorded.Payload.Contains(token, StringComparison.Ordinal))
                .Select(recorded => $"event {recorded.AggregateType} {recorded.AggregateId} {recorded.EventName}"),
            .. host.Broker.Mock.ReceivedOrders().Where(order => order.Symbol == symbol).Select(order => $"broker order {order}"),
        ];
    }

    /// <summary>The ids of the on-chain trades in the order the bot recorded them.</summary>
    public IReadOnlyList<TradeId> AppliedTrades() =>
        host.Database.ReadEventLog()
            .Where(recorded => recorded is { AggregateType: "OnChainTrade", EventName: "Filled" })
            .Select(recorded => ReadTradeId(recorded.AggregateId))
            .ToList();

    private void Queue(TransactionHash tx, long logIndex, long block, Direction side, FractionalShares quantity, string token)
    {
        // Checked as a trade first, so a bad row names the step's value instead of becoming a dead letter.
        Fill(tx, logIndex, block, side, quantity, token);
        var now = host.Clock.GetUtcNow();
        host.Bot.Queue.Enqueue(FillEventData.ForFill(tx.Value, logIndex, block, ChainContext.BlockTimestamp(now), token, quantity.Value, side, PriceOf(token).Value));
    }

    private OnChainFill Fill(TransactionHash tx, long logIndex, long block, Direction side, FractionalShares quantity, string token)
    {
        var now = host.Clock.GetUtcNow();
        return OnChainFill.Create(tx.Value, logIndex, token, quantity.Value, side, PriceOf(token).Value, block, ChainContext.BlockTimestamp(now)) switch
        {
            FillValidation.Valid valid => valid.Fill,
            FillValidation.Invalid invalid => throw new ArgumentException(
                $"The on-chain fill '{side.ToString().ToLowerInvariant()} {quantity} {token}' ({tx.Shorthand} #{logIndex}) cannot be a trade: {invalid.Error}"),
            _ => throw new InvalidOperationException("Unknown fill validation."),
        };
    }

    private Usd PriceOf(string token) =>
        Symbol.TryFromTokenSymbol(token, out var symbol) ? prices.Of(symbol) : new Usd(100m);

    private static TradeId ReadTradeId(string aggregateId)
    {
        var separator = aggregateId.LastIndexOf(':');
        return new TradeId(aggregateId[..separator], long.Parse(aggregateId[(separator + 1)..], CultureInfo.InvariantCulture));
    }

    private static Direction ReadSide(string side) => side switch
    {
        "buy" => Direction.Buy,
        "sell" => Direction.Sell,
        _ => throw new ArgumentException($"'{side}' is not a side: write buy or sell.", nameof(side)),
    };

    private static FractionalShares ReadQuantity(string quantity) =>
        decimal.TryParse(quantity, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? new FractionalShares(value)
            : throw new ArgumentException($"'{quantity}' is not a quantity of shares: write a number such as 0.5.", nameof(quantity));

    private static TokenizedEquity ReadToken(string token) =>
        Symbol.TryFromTokenSymbol(token, out var symbol)
            ? new TokenizedEquity(symbol)
            : throw new ArgumentException($"'{token}' is not a tokenized equity: write t followed by a ticker, e.g. tAAPL.", nameof(token));

    private static long ReadWhole(string text, string column) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"'{text}' in column {column} is not a whole number of 0 or more.", nameof(text));
}
