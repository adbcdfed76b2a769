using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>Circle's Iris API on a WireMock server of its own: fast-transfer fees and burn attestations.</summary>
public sealed class CircleAttestationStub : IDisposable
{
    public const string Attestation = "0xa77e57a710";

    /// <summary>A CCTP V2 message header: version, source domain, destination domain, then the 32-byte nonce.</summary>
    public const string Message = "0x" + "00000001" + "00000000" + "00000006"
        + "00000000000000000000000000000000000000000000000000000000000000ab" + "deadbeef";

    public const string Nonce = "0x00000000000000000000000000000000000000000000000000000000000000ab";

    private readonly WireMockServer server = WireMockServer.Start();

    public Uri Url => new(server.Url!);

    /// <summary>The fast-transfer (finality 1000) minimum fee for a route, in basis points.</summary>
    public void ChargesFastTransferFee(int source, int destination, decimal basisPoints) =>
        server.Given(Request.Create().WithPath($"/v2/burn/USDC/fees/{source}/{destination}").UsingGet())
            .RespondWith(StubResponses.Json(200, new JsonArray(
                new JsonObject { ["finalityThreshold"] = 1000, ["minimumFee"] = basisPoints },
                new JsonObject { ["finalityThreshold"] = 2000, ["minimumFee"] = 0 })));

    /// <summary>Every burn from <paramref name="source"/> is attested at once.</summary>
    public void AttestsBurns(int source) =>
        server.Given(Request.Create().WithPath($"/v2/messages/{source}").UsingGet())
            .RespondWith(StubResponses.Json(200, new JsonObject
            {
                ["messages"] = new JsonArray(new JsonObject { ["attestation"] = Attestation, ["message"] = Message, ["status"] = "complete" }),
            }));

    /// <summary>Circle never knows the burn: every message lookup answers 404.</summary>
    public void NeverAttests(int source) =>
        server.Given(Request.Create().WithPath($"/v2/messages/{source}").UsingGet()).RespondWith(StubResponses.Status(404));

    public IReadOnlyList<ReceivedRequest> MessageLookups() =>
        Received().Where(request => request.Method == "GET" && request.Path.StartsWith("/v2/messages/", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<ReceivedRequest> Received() => StubJournal.Received(server);

    public void Dispose() => server.Stop();
}
