namespace TradingBot.Acceptance.Domain.UsdcRebalances;

/// <summary>Which way a USDC move goes: from the Alpaca wallet to our Base vault, or back.</summary>
public enum RebalanceDirection
{
    AlpacaToBase,
    BaseToAlpaca,
}
