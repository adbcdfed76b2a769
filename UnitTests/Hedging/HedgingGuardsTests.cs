using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;

namespace TradingBot.Acceptance.UnitTests.Hedging;

[TestFixture]
public sealed class HedgingGuardsTests
{
    private static readonly Symbol Aapl = new("AAPL");
    private static readonly Symbol Msft = new("MSFT");

    [Test]
    public async Task A_batch_waiting_for_a_symbol_holds_none_that_sorts_after_it_so_batches_cannot_deadlock()
    {
        var guards = new HedgingGuards();
        var aapl = await guards.EnterAsync(Aapl, CancellationToken.None);

        var batch = guards.EnterAllAsync([Msft, Aapl], CancellationToken.None); // listed in the other order
        batch.IsCompleted.ShouldBeFalse("the batch waits for AAPL");
        var msft = guards.EnterAsync(Msft, CancellationToken.None);
        msft.IsCompletedSuccessfully.ShouldBeTrue("MSFT is free while the batch waits for AAPL: taken in canonical order");

        (await msft).Dispose();
        aapl.Dispose();
        using (await batch)
            guards.EnterAsync(Aapl, CancellationToken.None).IsCompleted.ShouldBeFalse("the batch holds AAPL");
        guards.EnterAsync(Msft, CancellationToken.None).IsCompletedSuccessfully.ShouldBeTrue("the batch released MSFT");
    }

    [Test]
    public async Task A_cancelled_batch_releases_the_symbols_it_already_held()
    {
        var guards = new HedgingGuards();
        var msft = await guards.EnterAsync(Msft, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var batch = guards.EnterAllAsync([Aapl, Msft], cancel.Token);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => batch);
        guards.EnterAsync(Aapl, CancellationToken.None).IsCompletedSuccessfully.ShouldBeTrue("AAPL released");
        msft.Dispose();
    }
}
