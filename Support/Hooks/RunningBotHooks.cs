using Reqnroll;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.Support.Hooks;

/// <summary>Per scenario that ran the hosted bot: a clean stop of the bot and its chain feed before the world closes its database.</summary>
[Binding]
public sealed class RunningBotHooks(RunningBotDriver bot)
{
    [AfterScenario]
    public Task StopTheBotAsync() => bot.DisposeAsync().AsTask();
}
