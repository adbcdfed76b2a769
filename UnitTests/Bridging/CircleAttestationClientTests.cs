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
        using var stub = new CircleAttestationStub();
        stub.ChargesFastTransferFee(0, 6, 1m);
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
        using var stub = new CircleAttestationStub();
        stub.AttestsBurns(0);
        using var http = new HttpClient { BaseAddress = stub.Url };
        var circle = new CircleAttestationClient(new ResilientHttp(http, new ScenarioClock()));

        var message = await circle.GetAttestedMessageAsync(CctpChain.Ethereum, "0xburn", CancellationToken.None);

        message.ShouldBe(new AttestedMessage(CircleAttestationStub.Message, CircleAttestationStub.Attestation));
        message!.CctpNonce.ShouldBe(CircleAttestationStub.Nonce);
        var lookup = stub.MessageLookups().ShouldHaveSingleItem();
        (lookup.Path, lookup.Query).ShouldBe(("/v2/messages/0", "transactionHash=0xburn"));
    }

    [Test]
    public async Task Not_found_or_pending_means_not_yet()
    {
        using var stub = new CircleAttestationStub();
        stub.NeverAttests(6);
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
