namespace TradingBot.Acceptance.Domain.Bridging;

/// <summary>The USDC contract on each chain.</summary>
public static class UsdcTokenAddresses
{
    public const string Base = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";
    public const string Ethereum = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";

    public static string On(CctpChain chain) => chain == CctpChain.Base ? Base : Ethereum;
}
