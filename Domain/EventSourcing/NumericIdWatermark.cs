namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>The highest numeric aggregate id among the events up to <paramref name="SeenRowId"/> (by rowid).</summary>
internal sealed record NumericIdWatermark(long MaxId, long SeenRowId);
