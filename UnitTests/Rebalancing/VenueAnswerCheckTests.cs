using System.Globalization;
using System.Numerics;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Support.Hosting;

namespace TradingBot.Acceptance.UnitTests.Rebalancing;

/// <summary>A venue that answers for other shares or another amount than the bot asked ends the move with a failure naming both.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class VenueAnswerCheckTests
{
    private static readonly Symbol Aapl = new("AAPL");
    private const string Token = "0x7aa91000000000000000000000000000000000a1";
    private const string VaultId = "0x00000000000000000000000000000000000000000000000000000000000000a1";

    private static async Task<RebalancingHost> EquityHostAsync(decimal onchain, decimal offchain)
    {
        var host = new RebalancingHost();
        await host.RegisterVaultAsync(Aapl, Token, VaultId);
        host.Inventory.Set(new InventoryAsset.Equity(Aapl), onchain, offchain);
        host.Onchain.Holds(Token, VaultId, TokenUnits.FromShares(onchain).Units);
        return host;
    }

    private static RebalancingHost UsdcHost(decimal onchain, decimal offchain)
    {
        var host = new RebalancingHost();
        host.Inventory.Set(new InventoryAsset.Usdc(), onchain, offchain);
        host.Onchain.Holds(UsdcTokenAddresses.Base, RebalancingHost.UsdcVaultId, TokenUnits.FromUsdc(onchain).Units);
        host.Wallet.WhitelistsAddress(RebalancingHost.MarketMakerWallet);
        return host;
    }

    [Test]
    public async Task A_mint_answered_for_another_quantity_fails_acceptance_and_mints_nothing()
    {
        using var host = await EquityHostAsync(onchain: 19m, offchain: 80m);
        host.Tokenization.AnswersMintsWithAnotherQuantity(1m);

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        await host.RunRebalancerAsync();

        host.EventNames("TokenizedEquityMint").ShouldBe(["MintRequested", "MintAccepted", "MintAcceptanceFailed"]);
        host.Events("TokenizedEquityMint")[2].Payload.ShouldContain("\"reason\":\"Alpaca answered the mint of 30.5 AAPL with 31.5 AAPL\"");
        host.Onchain.Deposits.ShouldBeEmpty("nothing is deposited for a mint Alpaca recorded differently");
        host.Inventory.Equity(Aapl).Offchain.ShouldBe(new VenueBalance(80m, 0m), "the shares are back at the broker");
    }

    [Test]
    public async Task A_mint_answered_for_another_symbol_fails_acceptance()
    {
        using var host = await EquityHostAsync(onchain: 19m, offchain: 80m);
        host.Tokenization.AnswersMintsWithAnotherSymbol(new Symbol("MSFT"));

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        await host.RunRebalancerAsync();

        host.EventNames("TokenizedEquityMint").ShouldBe(["MintRequested", "MintAccepted", "MintAcceptanceFailed"]);
        host.Events("TokenizedEquityMint")[2].Payload.ShouldContain("\"reason\":\"Alpaca answered the mint of 30.5 AAPL with 30.5 MSFT\"");
        host.Trigger.IsEquityInProgress(Aapl).ShouldBeFalse("the AAPL guard");
    }

    [Test]
    public async Task A_redemption_detected_for_another_quantity_fails_detection()
    {
        using var host = await EquityHostAsync(onchain: 80m, offchain: 20m);
        host.Tokenization.DetectsRedemptionsWithAnotherQuantity(-1m);

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        await host.RunRebalancerAsync();

        host.EventNames("EquityRedemption").ShouldBe(["TokensSent", "DetectionFailed"]);
        host.Events("EquityRedemption")[1].Payload.ShouldContain("\"reason\":\"Alpaca detected the redemption of 30 AAPL as 29 AAPL\"");
        host.Onchain.BalanceOf(Token, VaultId).ShouldBe(BigInteger.Parse("50000000000000000000", CultureInfo.InvariantCulture), "tokens left in the vault");
        host.Inventory.Equity(Aapl).Onchain.ShouldBe(new VenueBalance(50m, 30m), "the sent tokens stay in flight for manual resolution");
    }

    [Test]
    public async Task A_conversion_filled_for_another_quantity_fails_before_any_withdrawal()
    {
        using var host = UsdcHost(onchain: 100m, offchain: 900m);
        host.Wallet.FillsConversionsWithAnotherQuantity(-0.5m);

        host.Trigger.CheckAndTriggerUsdc();
        await host.RunRebalancerAsync();

        host.EventNames("UsdcRebalance").ShouldBe(["ConversionInitiated", "ConversionFailed"]);
        host.Events("UsdcRebalance")[1].Payload.ShouldContain("\"reason\":\"Conversion of 400 USDC filled 399.5 USDC\"");
        host.Wallet.Withdrawals().ShouldBeEmpty("no withdrawal after a conversion that did not fill as ordered");
    }

    [Test]
    public async Task A_withdrawal_of_another_amount_fails_the_withdrawal()
    {
        using var host = UsdcHost(onchain: 100m, offchain: 900m);
        host.Wallet.WithdrawsAnotherAmount(-1m);

        host.Trigger.CheckAndTriggerUsdc();
        await host.RunRebalancerAsync();

        host.EventNames("UsdcRebalance").ShouldBe(["ConversionInitiated", "ConversionConfirmed", "Initiated", "WithdrawalFailed"]);
        host.Events("UsdcRebalance")[3].Payload.ShouldContain("\"reason\":\"Alpaca moved 399 USDC for a transfer of 400 USDC\"");
        host.Onchain.Burns.ShouldBeEmpty("nothing is bridged after a withdrawal of another amount");
    }

    [Test]
    public async Task A_deposit_credited_with_another_amount_fails_the_deposit()
    {
        using var host = UsdcHost(onchain: 900m, offchain: 100m);
        host.Onchain.FastTransferFeeBps = 0m;
        host.Wallet.CreditsDepositsWithAnotherAmount(-1m);

        host.Trigger.CheckAndTriggerUsdc();
        await host.RunRebalancerAsync();

        host.EventNames("UsdcRebalance")[^1].ShouldBe("DepositFailed");
        host.Events("UsdcRebalance")[^1].Payload.ShouldContain("\"reason\":\"Alpaca moved 399 USDC for a transfer of 400 USDC\"");
        host.Wallet.ConversionOrders().ShouldBeEmpty("no conversion of a deposit Alpaca credited differently");
    }
}
