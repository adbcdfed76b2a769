using TradingBot.Acceptance.Support.Contexts;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>The bot as a process: where it keeps its events, stopping and starting it again, and its crash.</summary>
public sealed class BotDriver(ScenarioWorld host, BrokerWaitContext waits)
{
    /// <summary>How long, in real time, the crash may take to come before the scenario reports it never came.</summary>
    private static readonly TimeSpan CrashPatience = TimeSpan.FromSeconds(10);

    public void KeepEventsInFile() => host.KeepEventsInFile();

    /// <summary>The running bot is disposed and a new one starts on the same file: it resumes from the event store.</summary>
    public Task RestartAsync() => waits.RunAsync(() => host.RestartAsync(CancellationToken.None));

    /// <summary>Once the broker has received <paramref name="hedges"/> hedges, the bot's process dies.</summary>
    public void CrashAfter(int hedges)
    {
        host.KeepEventsInFile();
        host.Broker.Mock.CrashTheBotAfter(hedges);
    }

    /// <summary>
    /// The bot works through its event queue until its process dies where <see cref="CrashAfter"/> said: nothing
    /// after that point runs, no shutdown either; the bot is abandoned with its database as the crash left it.
    /// </summary>
    public async Task ProcessTheQueueUntilTheBotCrashesAsync()
    {
        var processing = host.Bot.Queue.ProcessAllAsync(CancellationToken.None);
        var crashed = host.Broker.Mock.Crashed;
        if (await Task.WhenAny(processing, crashed.WaitAsync(CrashPatience)) == processing)
        {
            await processing;
            throw new InvalidOperationException("The bot processed its whole event queue without crashing: the broker received fewer hedges than the crash was set for.");
        }

        await crashed;
        host.CloseDatabase();
    }
}
