using System.Text.Json.Nodes;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;
using TradingBot.Acceptance.Domain.Http;
using TradingBot.Acceptance.Domain.Rebalancing.Managers;
using TradingBot.Acceptance.Support.Fakes;
using WireMock.RequestBuilders;
using WireMock.Server;

using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.UnitTests.Rebalancing.Alpaca;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AlpacaWalletClientTests
{
    private static readonly AlpacaCredentials Credentials = new("key-id", "secret-key", AlpacaWalletStub.AccountId);

    [Test]
    public async Task Whitelists_withdrawals_transfers_and_the_deposit_address_are_read_and_sent()
    {
        var chain = new OnchainPortsFake();
        using var stub = new AlpacaWalletStub(chain);
        stub.WhitelistsAddress("0xABC");
        var sendTx = await chain.Erc20.Object.TransferAsync(
            CctpChain.Ethereum, UsdcTokenAddresses.Ethereum, AlpacaWalletStub.DepositAddress, 399_960_000, CancellationToken.None);
        using var http = Credentials.CreateTokenizationHttpClient(stub.Url);
        var wallet = new AlpacaWalletClient(new VenueHttp(http, new ScenarioClock()), Credentials.AccountId);

        var entry = (await wallet.ListWhitelistsAsync(CancellationToken.None)).ShouldHaveSingleItem();
        entry.IsApprovedFor("0xabc", "USDC").ShouldBeTrue("addresses compare case-insensitively");
        var transfer = await wallet.RequestWithdrawalAsync(new Usd(400m), "0xabc", CancellationToken.None);
        transfer.Status.ShouldBe(TransferStatus.Pending);
        var transfers = await wallet.ListTransfersAsync(CancellationToken.None);
        transfers.Select(listed => (listed.Id.ToString(), listed.TxHash, listed.Amount, listed.Status)).ShouldBe([
            ("7b4d2f3e-0000-4ace-8ace-000000000001", null, 400m, TransferStatus.Complete),
            ("8c5e3a4f-0000-4ace-8ace-000000000002", sendTx, 399.96m, TransferStatus.Complete)]);
        (await wallet.GetDepositAddressAsync(CancellationToken.None)).ShouldBe(AlpacaWalletStub.DepositAddress);

        var withdrawal = stub.Withdrawals().ShouldHaveSingleItem("withdrawals sent");
        withdrawal.Body!.ToJsonString().ShouldBe("{\"amount\":\"400\",\"asset\":\"USDC\",\"address\":\"0xabc\"}");
        stub.Received().Single(request => request.Path == $"/v1/accounts/{AlpacaWalletStub.AccountId}/wallets").Query
            .ShouldBe("asset=USDC&network=ethereum");
    }

    [Test]
    public async Task A_withdrawal_of_nothing_is_refused_before_any_request()
    {
        using var stub = new AlpacaWalletStub(new OnchainPortsFake());
        using var http = Credentials.CreateTokenizationHttpClient(stub.Url);
        var wallet = new AlpacaWalletClient(new VenueHttp(http, new ScenarioClock()), Credentials.AccountId);

        var refused = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => wallet.RequestWithdrawalAsync(new Usd(0m), "0xabc", CancellationToken.None));

        refused.ParamName.ShouldBe("amount");
        stub.Received().ShouldBeEmpty();
    }

    [Test]
    public async Task A_transfer_status_going_backwards_fails_the_poll()
    {
        using var server = WireMockServer.Start();
        var path = $"/v1/accounts/{AlpacaWalletStub.AccountId}/wallets/transfers";
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("backwards").WillSetStateTo("processing")
            .RespondWith(StubResponses.Json(200, Transfers("PROCESSING")));
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("backwards").WhenStateIs("processing")
            .RespondWith(StubResponses.Json(200, Transfers("PENDING")));
        var clock = new ScenarioClock();
        using var http = Credentials.CreateTokenizationHttpClient(new Uri(server.Url!));
        var polling = new WalletTransferPolling(new AlpacaWalletClient(new VenueHttp(http, clock), Credentials.AccountId), clock);

        var outcome = await clock.RunUntilCompleteAsync(polling.AwaitEndAsync(_ => true, CancellationToken.None));

        WalletTransferPolling.FailureOf(outcome).ShouldBe("Polling failed: InvalidStatusTransition: transfer status went from Processing back to Pending");
        server.LogEntries.Count.ShouldBe(2);
    }

    [Test]
    public async Task Usdc_conversions_are_gtc_market_orders_on_the_broker_api()
    {
        using var stub = new AlpacaWalletStub(new OnchainPortsFake());
        using var http = Credentials.CreateBrokerHttpClient(stub.Url);
        var conversion = new AlpacaUsdcConversionClient(new VenueHttp(http, new ScenarioClock()), Credentials.AccountId);
        var clientOrderId = Guid.Parse("00000000-0000-4000-8000-00000000c0de");

        var orderId = await conversion.PlaceAsync(Direction.Buy, new Usd(400m), clientOrderId, CancellationToken.None);
        var status = await conversion.GetStatusAsync(orderId, CancellationToken.None);

        orderId.ShouldBe("6a3c1e2d-0000-4ace-8ace-000000000001");
        status.ShouldBe(new UsdcOrderStatus("filled", 400m));
        stub.ConversionOrders().ShouldHaveSingleItem().Body!.ToJsonString().ShouldBe(
            "{\"symbol\":\"USDCUSD\",\"qty\":\"400\",\"side\":\"buy\",\"type\":\"market\",\"time_in_force\":\"gtc\",\"client_order_id\":\"00000000-0000-4000-8000-00000000c0de\"}");
        stub.Received().Count.ShouldBe(2, "one placement, one status read");
    }

    private static JsonArray Transfers(string status) => new(new JsonObject
    {
        ["id"] = "7b4d2f3e-0000-4ace-8ace-000000000001",
        ["tx_hash"] = "",
        ["direction"] = "OUTGOING",
        ["amount"] = "400",
        ["status"] = status,
    });
}
