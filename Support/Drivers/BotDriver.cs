using TradingBot.Acceptance.Support.Contexts;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>The bot as a process: where it keeps its events, and stopping and starting it again.</summary>
public sealed class BotDriver(ScenarioWorld host, BrokerWaitContext waits)
{
    public void KeepEventsInFile() => host.KeepEventsInFile();

    /// <summary>The running bot is disposed and a new one starts on the same file: it resumes from the event store.</summary>
    public Task RestartAsync() => waits.RunAsync(() => host.RestartAsync(CancellationToken.None));
}
