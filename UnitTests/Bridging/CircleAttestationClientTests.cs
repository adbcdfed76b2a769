using System.Numerics;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Rebalancing.Http;
using TradingBot.Acceptance.Support.Fakes;
using WireMock.RequestBuilders;
using WireMock.Server;

using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.UnitTests.Bridging;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class CircleAttestationClientTests
{
    [Test]
    public async Task The_fast_transfer_fee_is_read_at_finality_1000_and_the_max_fee_rounds_up()
    {
        using var stub = new CircleAttestationStub(new OnchainPortsFake());
        using var http = new HttpClient { BaseAddress = stub.Url };
        var circle = new CircleAttestationClient(new ResilientHttp(http, new ScenarioClock()));

        var bps = await circle.GetFastTransferFeeBpsAsync(CctpChain.Ethereum, CctpChain.Base, CancellationToken.None);

        bps.ShouldBe(1m);
        CircleAttestationClient.MaxFee(400_000_000, 1m).ShouldBe(new BigInteger(40_000), "ceil(400 000 000 × 1 / 10 000)");
        CircleAttestationClient.MaxFee(123, 1m).ShouldBe(BigInteger.One, "ceil(0.0123)");
        stub.Received().ShouldHaveSingleItem().Path.ShouldBe("/v2/burn/USDC/fees/0/6");
    }

    [Test]
    public async Task Without_a_fast_transfer_fee_there_is_none()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v2/burn/USDC/fees/6/0").UsingGet())
            .RespondWith(StubResponses.Json(200, new System.Text.Json.Nodes.JsonArray()));
        using var http = new HttpClient { BaseAddress = new Uri(server.Url!) };
        var circle = new CircleAttestationClient(new ResilientHttp(http, new ScenarioClock()));

        (await circle.GetFastTransferFeeBpsAsync(CctpChain.Base, CctpChain.Ethereum, CancellationToken.None)).ShouldBeNull();
    }

    [Test]
    public async Task A_complete_message_carries_the_attestation_and_the_nonce_at_offset_12()
    {
        var chain = new OnchainPortsFake();
        using var stub = new CircleAttestationStub(chain);
        using var http = new HttpClient { BaseAddress = stub.Url };
        var circle = new CircleAttestationClient(new ResilientHttp(http, new ScenarioClock()));
        var burnTx = await chain.Bridge.Object.BurnAsync(CctpChain.Ethereum, CctpChain.Base, 400_000_000, 40_000, "0xrecipient", CancellationToken.None);

        var message = await circle.GetAttestedMessageAsync(CctpChain.Ethereum, burnTx, CancellationToken.None);

        var burn = chain.Burns.ShouldHaveSingleItem("burns on Ethereum");
        message.ShouldBe(new AttestedMessage(burn.Message, burn.Attestation));
        message!.CctpNonce.ShouldBe("0x" + new string('0', 63) + "1", "the first burn's nonce, read at offset 12");
        var lookup = stub.MessageLookups().ShouldHaveSingleItem();
        (lookup.Path, lookup.Query).ShouldBe(("/v2/messages/0", $"transactionHash={burnTx}"));
        (await circle.GetAttestedMessageAsync(CctpChain.Base, burnTx, CancellationToken.None)).ShouldBeNull("no burn on Base has that hash");
    }

    [Test]
    public async Task Not_found_or_pending_means_not_yet()
    {
        using var stub = new CircleAttestationStub(new OnchainPortsFake());
        stub.NeverAttests();
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v2/messages/0").UsingGet()).RespondWith(StubResponses.Json(200,
            System.Text.Json.Nodes.JsonNode.Parse("{\"messages\":[{\"attestation\":\"PENDING\",\"message\":\"0x\",\"status\":\"pending_confirmations\"}]}")!));
        using var notFoundHttp = new HttpClient { BaseAddress = stub.Url };
        using var pendingHttp = new HttpClient { BaseAddress = new Uri(server.Url!) };

        (await new CircleAttestationClient(new ResilientHttp(notFoundHttp, new ScenarioClock()))
            .GetAttestedMessageAsync(CctpChain.Base, "0xburn", CancellationToken.None)).ShouldBeNull("404");
        (await new CircleAttestationClient(new ResilientHttp(pendingHttp, new ScenarioClock()))
            .GetAttestedMessageAsync(CctpChain.Ethereum, "0xburn", CancellationToken.None)).ShouldBeNull("pending");
    }
}
