using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>What the running bot read from the chain: its checkpoint and the fills it skipped.</summary>
public sealed partial class RunningBotDriver
{
    /// <summary>The last block the bot has read every log of, or null before its first.</summary>
    public long? Checkpoint()
    {
        using var read = Database.BeginRead();
        return new ChainIngestion(read).Checkpoint(Support.Chain.ScenarioChain.Orderbook);
    }

    /// <summary>The fills of the bot's orders it recorded as not to be hedged, with their reason.</summary>
    public IReadOnlyList<(string TxHash, long LogIndex, string Reason)> SkippedFills()
    {
        using var read = Database.BeginRead();
        return new ChainIngestion(read).SkippedFills();
    }
}
