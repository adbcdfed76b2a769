using Moq;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;
using TradingBot.Acceptance.Domain.Rebalancing.Onchain;

namespace TradingBot.Benchmarks.Hosting;

/// <summary>Rebalancing on, with ports that throw if called: the benchmark's symbols have no vault, so no move starts.</summary>
public static class UnreachablePorts
{
    public static RebalancingComponents Components { get; } = new(
        new RebalancingConfig(
            Enabled: true, RebalancingThreshold.EquityDefault, RebalancingThreshold.UsdcDefault,
            "0x1000000000000000000000000000000000000001", "0x2000000000000000000000000000000000000002",
            "0x3000000000000000000000000000000000000003", "0x00000000000000000000000000000000000000000000000000000000000000c1"),
        _ => new RebalancingPorts(
            Mock.Of<ITokenizationApi>(MockBehavior.Strict), Mock.Of<IAlpacaWallet>(MockBehavior.Strict), Mock.Of<IUsdcConversion>(MockBehavior.Strict),
            Mock.Of<ICctpAttestation>(MockBehavior.Strict), Mock.Of<ICctpBridge>(MockBehavior.Strict), Mock.Of<IVault>(MockBehavior.Strict),
            Mock.Of<IErc20Transfer>(MockBehavior.Strict)));
}
