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
public sealed class UsdcWorkflowTests
{
    private static readonly InventoryAsset Usdc = new InventoryAsset.Usdc();

    private static RebalancingHost HostWith(decimal onchain, decimal offchain)
    {
        var host = new RebalancingHost();
        host.Inventory.Set(Usdc, onchain, offchain);
        host.Onchain.Holds(UsdcTokenAddresses.Base, RebalancingHost.UsdcVaultId, new BigInteger(onchain * 1_000_000m));
        return host;
    }

    [Test]
    public async Task Too_much_cash_at_Alpaca_moves_400_to_Base()
    {
        using var host = HostWith(onchain: 100m, offchain: 900m);
        host.Wallet.WhitelistsAddress(RebalancingHost.MarketMakerWallet.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal));

        host.Trigger.CheckAndTriggerUsdc();
        host.Trigger.SentOperations.ShouldBe([new RebalanceOperation.UsdcAlpacaToBase(new Usd(400m))]);
        await host.RunRebalancerAsync();

        host.EventNames("UsdcRebalance").ShouldBe([
            "ConversionInitiated", "ConversionConfirmed", "Initiated", "WithdrawalConfirmed", "BridgingInitiated",
            "BridgeAttestationReceived", "Bridged", "DepositInitiated", "DepositConfirmed"]);
        var conversion = host.Wallet.ConversionOrders().ShouldHaveSingleItem("USDCUSD orders");
        (conversion.Field("symbol"), conversion.Field("qty"), conversion.Field("side"), conversion.Field("type"), conversion.Field("time_in_force"))
            .ShouldBe(("USDCUSD", "400", "buy", "market", "gtc"));
        var withdrawal = host.Wallet.Withdrawals().ShouldHaveSingleItem("withdrawals");
        (withdrawal.Field("amount"), withdrawal.Field("asset"), withdrawal.Field("address")).ShouldBe(("400", "USDC", RebalancingHost.MarketMakerWallet));
        host.Onchain.Bridge.Verify(bridge => bridge.BurnAsync(
            CctpChain.Ethereum, CctpChain.Base, 400_000_000, 40_000, RebalancingHost.MarketMakerWallet, It.IsAny<CancellationToken>()), Times.Once);
        host.Circle.MessageLookups().ShouldHaveSingleItem().Query.ShouldBe($"transactionHash={host.Onchain.Burns.ShouldHaveSingleItem().TxHash}");
        var events = host.Events("UsdcRebalance");
        events[0].Payload.ShouldContain("\"amount\":\"400\"");
        events[1].Payload.ShouldContain("\"filled_amount\":\"400\"");
        events[2].Payload.ShouldContain($"\"withdrawal_ref\":{{\"AlpacaId\":\"7b4d2f3e-0000-4ace-8ace-000000000001\"}}");
        events[5].Payload.ShouldContain($"\"cctp_nonce\":\"{host.Onchain.Burns.ShouldHaveSingleItem().NonceHex}\"");
        events[6].Payload.ShouldContain("\"amount_received\":\"399.96\"");
        events[6].Payload.ShouldContain("\"fee_collected\":\"0.04\"");
        events[7].Payload.ShouldContain($"\"deposit_ref\":{{\"OnchainTx\":\"{host.Onchain.Deposits.ShouldHaveSingleItem().TxHash}\"}}");
        events[8].Payload.ShouldContain("\"direction\":\"AlpacaToBase\"");
        host.Onchain.Vault.Verify(vault => vault.DepositAsync(
            UsdcTokenAddresses.Base, RebalancingHost.UsdcVaultId, 399_960_000, It.IsAny<CancellationToken>()), Times.Once);
        host.Inventory.Usdc.ShouldBe(new AssetInventory(new(499.96m, 0m), new(500m, 0m), host.Clock.GetUtcNow()), "USDC after the move");
        host.Trigger.IsUsdcInProgress.ShouldBeFalse("the USDC guard");
    }

    [Test]
    public async Task Too_much_cash_on_Base_moves_400_to_Alpaca()
    {
        using var host = HostWith(onchain: 900m, offchain: 100m);
        host.Wallet.WhitelistsAddress(RebalancingHost.MarketMakerWallet);

        host.Trigger.CheckAndTriggerUsdc();
        await host.RunRebalancerAsync();

        host.EventNames("UsdcRebalance").ShouldBe([
            "Initiated", "WithdrawalConfirmed", "BridgingInitiated", "BridgeAttestationReceived", "Bridged",
            "DepositInitiated", "DepositConfirmed", "ConversionInitiated", "ConversionConfirmed"]);
        host.Onchain.Vault.Verify(vault => vault.WithdrawAsync(
            UsdcTokenAddresses.Base, RebalancingHost.UsdcVaultId, 400_000_000, It.IsAny<CancellationToken>()), Times.Once);
        host.Onchain.Erc20.Verify(erc20 => erc20.TransferAsync(
            CctpChain.Ethereum, UsdcTokenAddresses.Ethereum, AlpacaWalletStub.DepositAddress, 399_960_000, It.IsAny<CancellationToken>()), Times.Once);
        var conversion = host.Wallet.ConversionOrders().ShouldHaveSingleItem("USDCUSD orders");
        (conversion.Field("qty"), conversion.Field("side")).ShouldBe(("399.96", "sell"));
        host.Inventory.Usdc.ShouldBe(new AssetInventory(new(500m, 0m), new(499.96m, 0m), host.Clock.GetUtcNow()), "USDC after the move");
        host.Trigger.IsUsdcInProgress.ShouldBeFalse("the USDC guard after the conversion");
    }

    [Test]
    public async Task An_attestation_that_never_arrives_fails_bridging_after_60_tries_every_5_seconds()
    {
        using var host = HostWith(onchain: 100m, offchain: 900m);
        host.Wallet.WhitelistsAddress(RebalancingHost.MarketMakerWallet);
        host.Circle.NeverAttests();

        host.Trigger.CheckAndTriggerUsdc();
        await host.RunRebalancerAsync();

        host.EventNames("UsdcRebalance").ShouldBe([
            "ConversionInitiated", "ConversionConfirmed", "Initiated", "WithdrawalConfirmed", "BridgingInitiated", "BridgingFailed"]);
        var failed = host.Events("UsdcRebalance")[5].Payload;
        failed.ShouldContain("\"reason\":\"Attestation polling failed: no answer after 60 tries\"");
        failed.ShouldContain($"\"burn_tx_hash\":\"{host.Onchain.Burns.ShouldHaveSingleItem().TxHash}\"");
        host.Circle.MessageLookups().Count.ShouldBe(60, "attestation tries");
        host.Inventory.Usdc.Offchain.ShouldBe(new VenueBalance(500m, 400m), "the burnt USDC stays in flight");
        host.Trigger.IsUsdcInProgress.ShouldBeFalse("the USDC guard");
    }

    [Test]
    public async Task A_failed_withdrawal_returns_the_cash_to_available()
    {
        using var host = HostWith(onchain: 100m, offchain: 900m);
        host.Wallet.WhitelistsAddress(RebalancingHost.MarketMakerWallet);
        host.Wallet.FailsWithdrawals();

        host.Trigger.CheckAndTriggerUsdc();
        await host.RunRebalancerAsync();

        host.EventNames("UsdcRebalance").ShouldBe(["ConversionInitiated", "ConversionConfirmed", "Initiated", "WithdrawalFailed"]);
        host.Events("UsdcRebalance")[3].Payload.ShouldContain("\"reason\":\"Transfer ended in status: FAILED\"");
        host.Inventory.Usdc.Offchain.ShouldBe(new VenueBalance(900m, 0m), "the cash is back at Alpaca");
        host.Trigger.SentOperations.ShouldBe(
            [new RebalanceOperation.UsdcAlpacaToBase(new Usd(400m)), new RebalanceOperation.UsdcAlpacaToBase(new Usd(400m))],
            "the cash is back, so the imbalance is detected again after the guard was released");
        host.Trigger.IsUsdcInProgress.ShouldBeTrue("the second move holds the guard until the next run");
    }

    [Test]
    public async Task An_address_not_whitelisted_stops_before_the_withdrawal_and_releases_the_guard()
    {
        using var host = HostWith(onchain: 100m, offchain: 900m);
        host.Wallet.WhitelistsAddress(RebalancingHost.MarketMakerWallet, status: "PENDING");

        host.Trigger.CheckAndTriggerUsdc();
        await host.RunRebalancerAsync();

        host.EventNames("UsdcRebalance").ShouldBe(["ConversionInitiated", "ConversionConfirmed"]);
        host.Wallet.Withdrawals().ShouldBeEmpty("no withdrawal to an address that is not approved");
        host.Inventory.Usdc.ShouldBe(new AssetInventory(new(100m, 0m), new(900m, 0m), null), "USDC unchanged");
        host.Trigger.IsUsdcInProgress.ShouldBeFalse("the Rebalancer released the USDC guard");
    }
}
