using System.Numerics;
using Moq;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.Hosting;

namespace TradingBot.Acceptance.UnitTests.Rebalancing;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MintWorkflowTests
{
    private static readonly Symbol Aapl = new("AAPL");
    private const string Token = "0x7aa91000000000000000000000000000000000a1";
    private const string VaultId = "0x00000000000000000000000000000000000000000000000000000000000000a1";

    private static async Task<RebalancingHost> HostWithImbalanceAsync()
    {
        var host = new RebalancingHost();
        await host.RegisterVaultAsync(Aapl, Token, VaultId);
        host.Inventory.Set(new InventoryAsset.Equity(Aapl), onchain: 19m, offchain: 80m);
        return host;
    }

    [Test]
    public async Task An_imbalance_at_the_broker_mints_30_5_tokens_into_the_vault()
    {
        using var host = await HostWithImbalanceAsync();
        host.Tokenization.AcceptsMintsAndCompletesThem();

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        await host.RunRebalancerAsync();

        var mint = host.Tokenization.MintRequests().ShouldHaveSingleItem("mint requests Alpaca received");
        mint.Field("underlying_symbol").ShouldBe("AAPL");
        mint.Field("qty").ShouldBe("30.500000000");
        mint.Field("issuer").ShouldBe("st0x");
        mint.Field("network").ShouldBe("base");
        mint.Field("wallet_address").ShouldBe(RebalancingHost.MarketMakerWallet);
        host.EventNames("TokenizedEquityMint").ShouldBe(["MintRequested", "MintAccepted", "TokensReceived", "MintCompleted"]);
        var events = host.Events("TokenizedEquityMint");
        events[0].Payload.ShouldContain("\"quantity\":\"30.5\"");
        events[1].Payload.ShouldContain("\"issuer_request_id\":\"issuer-mint-1\"");
        events[1].Payload.ShouldContain("\"tokenization_request_id\":\"mint-1\"");
        events[2].Payload.ShouldContain("\"receipt_id\":\"0\"");
        events[2].Payload.ShouldContain("\"shares_minted\":\"30500000000000000000\"");
        events[3].Payload.ShouldContain($"\"vault_deposit_tx_hash\":\"{host.Onchain.Deposits.ShouldHaveSingleItem().TxHash}\"");
        host.Onchain.Vault.Verify(vault => vault.DepositAsync(Token, VaultId, BigInteger.Parse("30500000000000000000", System.Globalization.CultureInfo.InvariantCulture), It.IsAny<CancellationToken>()), Times.Once);
        host.Onchain.BalanceOf(Token, VaultId).ShouldBe(BigInteger.Parse("30500000000000000000", System.Globalization.CultureInfo.InvariantCulture), "tokens in the AAPL vault");
        host.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(49.5m, 0m), new(49.5m, 0m), host.Clock.GetUtcNow()), "AAPL after the mint");
        host.Trigger.IsEquityInProgress(Aapl).ShouldBeFalse("the AAPL guard after the mint");
    }

    [Test]
    public async Task A_mint_refused_with_422_is_recorded_as_rejected_and_frees_the_symbol()
    {
        using var host = await HostWithImbalanceAsync();
        host.Tokenization.RejectsMints(422, "symbol not tokenizable");

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        await host.RunRebalancerAsync();

        host.EventNames("TokenizedEquityMint").ShouldBe(["MintRequested", "MintRejected"]);
        host.Events("TokenizedEquityMint")[1].Payload.ShouldContain("\"reason\":\"Alpaca API error: 422 symbol not tokenizable\"");
        host.Tokenization.MintRequests().Count.ShouldBe(1, "a 422 is not retried");
        host.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(19m, 0m), new(80m, 0m), null), "AAPL after the rejection");
        host.Trigger.IsEquityInProgress(Aapl).ShouldBeFalse("the AAPL guard after the rejection");
    }

    [Test]
    public async Task A_mint_accepted_then_rejected_fails_acceptance_and_returns_the_shares()
    {
        using var host = await HostWithImbalanceAsync();
        host.Tokenization.AcceptsMintsAndRejectsThemWhileProcessing();

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        await host.RunRebalancerAsync();

        host.EventNames("TokenizedEquityMint").ShouldBe(["MintRequested", "MintAccepted", "MintAcceptanceFailed"]);
        host.Events("TokenizedEquityMint")[2].Payload.ShouldContain("\"reason\":\"Mint request rejected by Alpaca\"");
        host.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(19m, 0m), new(80m, 0m), null), "AAPL after the failed acceptance");
        host.Trigger.IsEquityInProgress(Aapl).ShouldBeFalse("the AAPL guard");
    }

    [Test]
    public async Task A_mint_that_stays_pending_fails_after_30_minutes_of_polls_every_10_seconds()
    {
        using var host = await HostWithImbalanceAsync();
        host.Tokenization.AcceptsMintsAndKeepsThemPending();
        var start = host.Clock.GetUtcNow();

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        await host.RunRebalancerAsync();

        host.EventNames("TokenizedEquityMint").ShouldBe(["MintRequested", "MintAccepted", "MintAcceptanceFailed"]);
        host.Events("TokenizedEquityMint")[2].Payload.ShouldContain("\"reason\":\"Polling failed: timed out after 30 minutes\"");
        host.Tokenization.Received().Count(request => request.Path.EndsWith("/requests", StringComparison.Ordinal))
            .ShouldBe(181, "one poll at once, then one every 10 s for 30 minutes");
        (host.Clock.GetUtcNow() - start).ShouldBe(TimeSpan.FromMinutes(30), "time spent polling");
        host.Inventory.Equity(Aapl).Offchain.ShouldBe(new VenueBalance(80m, 0m), "shares back at the broker");
    }

    [Test]
    public async Task A_mint_rejected_by_a_server_error_is_retried_with_backoff_until_the_budget_is_spent()
    {
        using var host = await HostWithImbalanceAsync();
        host.Tokenization.RejectsMints(503, "unavailable");
        var start = host.Clock.GetUtcNow();

        await host.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        await host.RunRebalancerAsync();

        host.Tokenization.MintRequests().Count.ShouldBe(11, "the first try and 10 retries");
        (host.Clock.GetUtcNow() - start).ShouldBe(TimeSpan.FromSeconds(1 + 2 + 4 + 8 + 16 + 32 + 60 + 60 + 60 + 60), "backoff");
        host.EventNames("TokenizedEquityMint").ShouldBe(["MintRequested", "MintRejected"]);
        host.Events("TokenizedEquityMint")[1].Payload.ShouldContain("\"reason\":\"Alpaca API error: 503 unavailable\"");
        host.Trigger.IsEquityInProgress(Aapl).ShouldBeFalse("the AAPL guard");
    }
}
