using System.Globalization;
using System.Numerics;
using Moq;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.Hosting;

namespace TradingBot.Acceptance.UnitTests.Rebalancing;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class RedemptionWorkflowTests
{
    private static readonly Symbol Aapl = new("AAPL");
    private static readonly BigInteger ThirtyTokens = BigInteger.Parse("30000000000000000000", CultureInfo.InvariantCulture);
    private const string Token = "0x7aa91000000000000000000000000000000000a1";
    private const string VaultId = "0x00000000000000000000000000000000000000000000000000000000000000a1";

    private static async Task<RebalancingHost> HostWithImbalanceAsync()
    {
        var host = new RebalancingHost();
        await host.RegisterVaultAsync(Aapl, Token, VaultId);
        host.Inventory.Set(new InventoryAsset.Equity(Aapl), onchain: 80m, offchain: 20m);
        host.Onchain.Holds(Token, VaultId, ThirtyTokens * 8 / 3);
        return host;
    }

    [Test]
    public async Task An_imbalance_on_chain_redeems_30_tokens()
    {
        using var host = await HostWithImbalanceAsync();
        host.Tokenization.EndsRedemptions("completed");

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        host.Trigger.SentOperations.ShouldBe([new RebalanceOperation.Redemption(Aapl, new FractionalShares(30m), Token)]);
        await host.RunRebalancerAsync();

        host.Onchain.Vault.Verify(vault => vault.WithdrawAsync(Token, VaultId, ThirtyTokens, It.IsAny<CancellationToken>()), Times.Once);
        host.Onchain.Erc20.Verify(erc20 => erc20.TransferAsync(
            CctpChain.Base, Token, RebalancingHost.RedemptionWallet, ThirtyTokens, It.IsAny<CancellationToken>()), Times.Once);
        host.EventNames("EquityRedemption").ShouldBe(["TokensSent", "Detected", "Completed"]);
        var sent = host.Events("EquityRedemption")[0].Payload;
        sent.ShouldContain("\"quantity\":\"30\"");
        sent.ShouldContain($"\"redemption_wallet\":\"{RebalancingHost.RedemptionWallet}\"");
        sent.ShouldContain($"\"tx_hash\":\"{host.Onchain.Transfers.ShouldHaveSingleItem().TxHash}\"");
        host.Events("EquityRedemption")[1].Payload.ShouldContain("\"tokenization_request_id\":\"redeem-1\"");
        host.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(50m, 0m), new(50m, 0m), host.Clock.GetUtcNow()), "AAPL after the redemption");
        host.Trigger.IsEquityInProgress(Aapl).ShouldBeFalse("the AAPL guard");
    }

    [Test]
    public async Task A_redemption_never_detected_fails_detection_and_leaves_the_tokens_in_flight()
    {
        using var host = await HostWithImbalanceAsync();
        host.Tokenization.NeverDetectsRedemptions();

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        await host.RunRebalancerAsync();

        host.EventNames("EquityRedemption").ShouldBe(["TokensSent", "DetectionFailed"]);
        host.Events("EquityRedemption")[1].Payload.ShouldContain("\"reason\":\"Detection polling failed: timed out after 30 minutes\"");
        host.Inventory.Equity(Aapl).Onchain.ShouldBe(new VenueBalance(50m, 30m), "tokens stay in flight for manual resolution");
        host.Trigger.IsEquityInProgress(Aapl).ShouldBeFalse("the AAPL guard is released all the same");
    }

    [Test]
    public async Task A_redemption_rejected_by_Alpaca_is_recorded()
    {
        using var host = await HostWithImbalanceAsync();
        host.Tokenization.EndsRedemptions("rejected");

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        await host.RunRebalancerAsync();

        host.EventNames("EquityRedemption").ShouldBe(["TokensSent", "Detected", "RedemptionRejected"]);
        host.Events("EquityRedemption")[2].Payload.ShouldContain("\"reason\":\"Redemption rejected by Alpaca\"");
        host.Trigger.IsEquityInProgress(Aapl).ShouldBeFalse("the AAPL guard");
    }

    [Test]
    public async Task A_failed_vault_withdrawal_records_nothing_and_the_rebalancer_releases_the_guard()
    {
        using var host = await HostWithImbalanceAsync();
        host.Onchain.Vault.Setup(vault => vault.WithdrawAsync(Token, VaultId, ThirtyTokens, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("execution reverted"));

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        await host.RunRebalancerAsync();

        host.EventNames("EquityRedemption").ShouldBeEmpty("no aggregate before the tokens are sent");
        host.Onchain.Erc20.Verify(erc20 => erc20.TransferAsync(
            It.IsAny<CctpChain>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BigInteger>(), It.IsAny<CancellationToken>()), Times.Never);
        host.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(80m, 0m), new(20m, 0m), null), "AAPL unchanged");
        host.Trigger.IsEquityInProgress(Aapl).ShouldBeFalse("the Rebalancer released the AAPL guard");
    }
}
