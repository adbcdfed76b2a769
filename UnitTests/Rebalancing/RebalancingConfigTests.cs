using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Support.Hosting;

namespace TradingBot.Acceptance.UnitTests.Rebalancing;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RebalancingConfigTests
{
    [Test]
    public void The_default_configuration_is_valid() => RebalancingHost.DefaultConfig.Validate().ShouldBeNull();

    [Test]
    public void Minted_tokens_never_go_to_the_redemption_wallet() =>
        (RebalancingHost.DefaultConfig with { RedemptionWallet = RebalancingHost.MarketMakerWallet.ToUpperInvariant() })
            .Validate()!.Field.ShouldBe("redemption_wallet");

    [Test]
    public void Targets_and_deviations_are_checked()
    {
        (RebalancingHost.DefaultConfig with { Equity = new RebalancingThreshold(1.1m, 0.2m) }).Validate()!.Field.ShouldBe("equity.target");
        (RebalancingHost.DefaultConfig with { Usdc = new RebalancingThreshold(0.5m, -0.1m) }).Validate()!.Field.ShouldBe("usdc.deviation");
        (RebalancingHost.DefaultConfig with { Usdc = new RebalancingThreshold(0m, 0m) }).Validate().ShouldBeNull("edges are allowed");
    }

    [Test]
    public void The_wallets_and_the_USDC_vault_must_be_named()
    {
        (RebalancingHost.DefaultConfig with { MarketMakerWallet = " " }).Validate()!.ShouldBe(new RebalancingConfigError("market_maker_wallet", "must be set"));
        (RebalancingHost.DefaultConfig with { RedemptionWallet = "" }).Validate()!.ShouldBe(new RebalancingConfigError("redemption_wallet", "must be set"));
        (RebalancingHost.DefaultConfig with { UsdcVaultId = "" }).Validate()!.ShouldBe(new RebalancingConfigError("usdc_vault_id", "must be set"));
    }
}
