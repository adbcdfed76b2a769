using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>Alpaca's tokenization API on a WireMock server of its own, set up in business terms.</summary>
public sealed class AlpacaTokenizationStub : IDisposable
{
    public const string AccountId = "tokenization-account";
    public const string IssuerRequestId = "issuer-req-1";
    public const string MintRequestId = "mint-req-1";
    public const string MintTxHash = "0x1111111111111111111111111111111111111111111111111111111111111111";
    public const string RedeemRequestId = "redeem-req-1";

    private readonly WireMockServer server = WireMockServer.Start();

    public Uri Url => new(server.Url!);

    private static string Base => $"/v1/accounts/{AccountId}/tokenization";

    /// <summary>Mint requests are accepted, then listed as completed with the minted tokens' transaction.</summary>
    public void AcceptsMintsAndCompletesThem()
    {
        AcceptMints();
        ListRequests("mint", MintRequest("completed", MintTxHash));
    }

    /// <summary>
    /// Mint requests are accepted and listed as pending for the first <paramref name="pendingPolls"/> looks at
    /// the list (the bot looks every 10 s), then as completed: the mint takes a while, on the bot's clock.
    /// </summary>
    public void AcceptsMintsAndCompletesThemAfter(int pendingPolls)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pendingPolls);
        AcceptMints();
        var path = Request.Create().WithPath($"{Base}/requests").WithParam("type", "mint").UsingGet();
        for (var poll = 0; poll < pendingPolls; poll++)
        {
            var pending = server.Given(path).InScenario("mint takes a while");
            (poll == 0 ? pending : pending.WhenStateIs($"polled {poll}")).WillSetStateTo($"polled {poll + 1}")
                .RespondWith(StubResponses.Json(200, new JsonArray(MintRequest("pending", ""))));
        }

        var completed = server.Given(path).InScenario("mint takes a while");
        (pendingPolls == 0 ? completed : completed.WhenStateIs($"polled {pendingPolls}"))
            .RespondWith(StubResponses.Json(200, new JsonArray(MintRequest("completed", MintTxHash))));
    }

    /// <summary>Every look at the list of mint requests, in order.</summary>
    public IReadOnlyList<ReceivedRequest> MintListings() =>
        StubJournal.Received(server).Where(request => request.Method == "GET" && request.Path == $"{Base}/requests" && request.Query == "type=mint").ToList();

    /// <summary>Mint requests are accepted, then listed as rejected while Alpaca processes them.</summary>
    public void AcceptsMintsAndRejectsThemWhileProcessing()
    {
        AcceptMints();
        ListRequests("mint", MintRequest("rejected", ""));
    }

    /// <summary>Mint requests are accepted but stay pending for ever.</summary>
    public void AcceptsMintsAndKeepsThemPending()
    {
        AcceptMints();
        ListRequests("mint", MintRequest("pending", ""));
    }

    /// <summary>Every mint request is refused with <paramref name="status"/> and the message.</summary>
    public void RejectsMints(int status, string message) =>
        server.Given(Request.Create().WithPath($"{Base}/mint").UsingPost())
            .RespondWith(StubResponses.Json(status, new JsonObject { ["code"] = 42210000, ["message"] = message }));

    /// <summary>The redeem request for <paramref name="txHash"/> is listed, with the given status.</summary>
    public void ListsRedemption(string txHash, string status) =>
        ListRequests("redeem", new JsonObject
        {
            ["tokenization_request_id"] = RedeemRequestId,
            ["type"] = "redeem",
            ["status"] = status,
            ["underlying_symbol"] = "AAPL",
            ["token_symbol"] = "tAAPL",
            ["qty"] = "30",
            ["tx_hash"] = txHash,
            ["issuer_request_id"] = "issuer-redeem-1",
            ["wallet_address"] = "",
            ["created_at"] = "2026-11-25T15:00:00Z",
        });

    /// <summary>No redeem request is ever listed: the redemption is never detected.</summary>
    public void NeverDetectsRedemptions() => ListRequests("redeem");

    public IReadOnlyList<ReceivedRequest> MintRequests() =>
        StubJournal.Received(server).Where(request => request.Method == "POST" && request.Path == $"{Base}/mint").ToList();

    public IReadOnlyList<ReceivedRequest> Received() => StubJournal.Received(server);

    public void Dispose() => server.Stop();

    private void AcceptMints() =>
        server.Given(Request.Create().WithPath($"{Base}/mint").UsingPost())
            .RespondWith(StubResponses.Json(200, MintRequest("pending", "")));

    private void ListRequests(string type, params JsonObject[] requests) =>
        server.Given(Request.Create().WithPath($"{Base}/requests").WithParam("type", type).UsingGet())
            .RespondWith(StubResponses.Json(200, new JsonArray([.. requests])));

    private static JsonObject MintRequest(string status, string txHash) => new()
    {
        ["tokenization_request_id"] = MintRequestId,
        ["type"] = "mint",
        ["status"] = status,
        ["underlying_symbol"] = "AAPL",
        ["token_symbol"] = "tAAPL",
        ["qty"] = "30.5",
        ["issuer_request_id"] = IssuerRequestId,
        ["tx_hash"] = txHash,
        ["wallet_address"] = "",
        ["created_at"] = "2026-11-25T15:00:00Z",
        ["updated_at"] = "2026-11-25T15:00:00Z",
    };
}
