using TradingBot.Acceptance.Support.Chain;
using TradingBot.Acceptance.Support.Parameters;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>The running bot stopped while a hedge is at the broker.</summary>
public sealed partial class RunningBotDriver
{
    /// <summary>
    /// Stops the bot while a hedge is at the broker: the stop waits for the broker's answer. The chain mines the
    /// burst a block a second; the clock goes on a second at a time, the bot quiescent between ticks, so the fills
    /// are confirmed one at a time until one sends a hedge, which the broker holds: the queue processor waits inside
    /// that fill's batch with every earlier fill processed. The chain then mines and confirms the rest of the burst,
    /// which the reader queues, and the broker answers only once the stop has begun, so the processor takes no
    /// further batch: every fill after the held one is left waiting.
    /// </summary>
    public async Task StopWhileAHedgeIsAtTheBrokerAsync(IReadOnlyList<ChainFillOrder> round, int rounds)
    {
        Broker.HoldNextPlacement();
        TheChain.Report(round, rounds);
        for (var passed = TimeSpan.Zero; !Broker.PlacementHeld.IsCompleted; passed += Step)
        {
            if (passed > ConfirmationPatience)
                throw new TimeoutException("No hedge reached the broker.");
            using var patience = new CancellationTokenSource(Patience);
            await Task.WhenAny(Bot.WaitUntilQuiescentAsync(() => true, patience.Token), Broker.PlacementHeld).ConfigureAwait(false);
            if (!Broker.PlacementHeld.IsCompleted)
                Clock.Advance(Step);
        }

        await QueueTheRestAsync().ConfigureAwait(false);
        // The hedge at the broker is the last order it received.
        var held = Broker.ReceivedOrders()[^1].ClientOrderId;
        var atBroker = OpenOrders().Single(order => order.Order.Terms.ClientOrderId == held).ExecutionId;
        using var release = Bot.Tasks.Stopping.Register(Broker.ReleasePlacement);
        await Bot.StopAsync(CancellationToken.None).WaitAsync(Patience).ConfigureAwait(false);
        HedgeAtShutdown = Order(atBroker);
        UnprocessedAtShutdown = QueueRows().Count(row => !row.Processed) + (PushedFills - QueueRows().Count);
        await DisposeBotAsync().ConfigureAwait(false);
    }

    /// <summary>Lets the chain mine and confirm the rest of a burst while the queue processor is held, until the reader has queued every fill.</summary>
    private async Task QueueTheRestAsync()
    {
        for (var passed = TimeSpan.Zero; QueueRows().Count < PushedFills; passed += Step)
        {
            if (passed > ConfirmationPatience)
                throw new TimeoutException($"The reader queued {QueueRows().Count} of {PushedFills} fills.");
            Clock.Advance(Step);
            var confirmed = FillsConfirmedAt(TheChain.Node.Chain.Tip);
            using var patience = new CancellationTokenSource(Patience);
            await Bot.Activity.WaitUntilAsync(() => QueueRows().Count >= confirmed, patience.Token).ConfigureAwait(false);
        }
    }

    /// <summary>The fills of the bot's orders whose blocks have their confirmations once the chain's tip is <paramref name="tip"/>.</summary>
    private int FillsConfirmedAt(long tip) =>
        TheChain.HedgeableFills.Count(tx => TheChain.Node.Chain.Transaction(tx) is { } mined && mined.Block.Number + ScenarioChain.RequiredConfirmations <= tip);
}
