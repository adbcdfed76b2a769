using Microsoft.Extensions.Time.Testing;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.Hosting;

/// <summary>Moves a running bot's fake clock a second at a time, the bot reacting to each tick, until something holds.</summary>
internal static class BotClock
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Until <paramref name="done"/> holds (checked when the bot is quiescent, or when <paramref name="signal"/> completes); at most 10 minutes of clock.</summary>
    public static async Task AdvanceUntilAsync(HostedBot bot, FakeTimeProvider clock, Func<bool> done, Task? signal = null)
    {
        for (var second = 0; second < 600; second++)
        {
            using var patience = new CancellationTokenSource(Patience);
            var quiescent = bot.WaitUntilQuiescentAsync(() => true, patience.Token);
            await (signal is null ? quiescent : Task.WhenAny(quiescent, signal)).ConfigureAwait(false);
            if (done())
                return;
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException("Not done within 10 minutes of the bot's clock.");
    }
}
