using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using TradingBot.Acceptance.Support.TestData;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// Circle's Iris API on a WireMock server of its own, answering from the simulated chains: it quotes the
/// fast-transfer fee of every route and attests every burn the bot made, with that burn's message and
/// nonce; a burn it never saw is a 404. "Never attests" keeps every lookup at 404.
/// </summary>
public sealed class CircleAttestationStub : IDisposable
{
    private readonly WireMockServer server = WireMockServer.Start();
    private readonly OnchainPortsFake chain;
    private volatile bool attests = true;

    public CircleAttestationStub(OnchainPortsFake chain)
    {
        this.chain = chain;
        server.Given(Request.Create().WithPath(new WildcardMatcher("/v2/burn/USDC/fees/*")).UsingGet())
            .RespondWith(Response.Create().WithCallback(_ => StubResponses.Message(200, new JsonArray(
                new JsonObject { ["finalityThreshold"] = ScenarioDefaults.FastFinality, ["minimumFee"] = chain.FastTransferFeeBps },
                new JsonObject { ["finalityThreshold"] = ScenarioDefaults.StandardFinality, ["minimumFee"] = 0 }))));
        server.Given(Request.Create().WithPath(new WildcardMatcher("/v2/messages/*")).UsingGet())
            .RespondWith(Response.Create().WithCallback(Attest));
    }

    public Uri Url => new(server.Url!);

    /// <summary>Circle never knows any burn: every message lookup answers 404.</summary>
    public void NeverAttests() => attests = false;

    public IReadOnlyList<ReceivedRequest> MessageLookups() =>
        Received().Where(request => request.Method == "GET" && request.Path.StartsWith("/v2/messages/", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<ReceivedRequest> Received() => StubJournal.Received(server);

    public void Dispose() => server.Stop();

    private ResponseMessage Attest(IRequestMessage request)
    {
        var source = int.Parse(request.Path.Split('/')[^1], CultureInfo.InvariantCulture);
        var txHash = request.Query?.TryGetValue("transactionHash", out var values) == true ? values[0] : "";
        if (!attests || chain.BurnOf(source, txHash) is not { } burn)
            return StubResponses.Message(404, new JsonObject { ["error"] = "Message not found" });
        return StubResponses.Message(200, new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject { ["attestation"] = burn.Attestation, ["message"] = burn.Message, ["status"] = "complete" }),
        });
    }
}
