using System.Text.Json.Nodes;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;
using TradingBot.Acceptance.Domain.Rebalancing.Http;
using TradingBot.Acceptance.Support.Fakes;
using WireMock.RequestBuilders;
using WireMock.Server;

using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.UnitTests.Rebalancing.Alpaca;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AlpacaTokenizationClientTests
{
    private static readonly AlpacaCredentials Credentials = new("key-id", "secret-key", "acct-1");

    private static (AlpacaTokenizationClient Client, HttpClient Http) ClientFor(Uri url, ScenarioClock clock)
    {
        var http = Credentials.CreateTokenizationHttpClient(url);
        return (new AlpacaTokenizationClient(new ResilientHttp(http, clock), Credentials.AccountId), http);
    }

    [Test]
    public async Task A_mint_request_sends_the_quantity_with_9_decimals_and_the_api_key_headers()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v1/accounts/acct-1/tokenization/mint").UsingPost())
            .RespondWith(StubResponses.Json(200, new JsonObject
            {
                ["tokenization_request_id"] = "tok-1",
                ["issuer_request_id"] = "iss-1",
                ["status"] = "pending",
            }));
        var (client, http) = ClientFor(new Uri(server.Url!), new ScenarioClock());
        using var _ = http;

        var result = await client.RequestMintAsync(new Symbol("AAPL"), new FractionalShares(30.5m), "0xwallet", CancellationToken.None);

        result.ShouldBe(new MintRequestResult.Accepted("iss-1", "tok-1"));
        var entry = server.LogEntries.ShouldHaveSingleItem("requests received").RequestMessage;
        entry.Headers!["APCA-API-KEY-ID"].ShouldBe(["key-id"]);
        entry.Headers["APCA-API-SECRET-KEY"].ShouldBe(["secret-key"]);
        var body = JsonNode.Parse(entry.Body!)!;
        body.ToJsonString().ShouldBe(
            "{\"underlying_symbol\":\"AAPL\",\"qty\":\"30.500000000\",\"issuer\":\"st0x\",\"network\":\"base\",\"wallet_address\":\"0xwallet\"}");
    }

    [TestCase(403, "insufficient position in AAPL", TokenizationErrorKind.InsufficientPosition)]
    [TestCase(403, "account not enabled for tokenization", TokenizationErrorKind.UnsupportedAccount)]
    [TestCase(422, "symbol not tokenizable", TokenizationErrorKind.InvalidParameters)]
    [TestCase(400, "bad request", TokenizationErrorKind.ApiError)]
    public async Task Refusals_are_classified(int status, string message, TokenizationErrorKind kind)
    {
        using var stub = new AlpacaTokenizationStub(new ScenarioClock(), new OnchainPortsFake(), "0xredemption");
        stub.RejectsMints(status, message);
        using var http = (Credentials with { AccountId = AlpacaTokenizationStub.AccountId }).CreateTokenizationHttpClient(stub.Url);
        var client = new AlpacaTokenizationClient(new ResilientHttp(http, new ScenarioClock()), AlpacaTokenizationStub.AccountId);

        var result = await client.RequestMintAsync(new Symbol("AAPL"), new FractionalShares(1m), "0xwallet", CancellationToken.None);

        result.ShouldBe(new MintRequestResult.Refused(new TokenizationError(kind, status, message)));
        ((MintRequestResult.Refused)result).Error.Reason.ShouldBe($"Alpaca API error: {status} {message}");
        stub.MintRequests().Count.ShouldBe(1, "4xx is not retried");
    }

    [Test]
    public async Task An_answer_without_an_issuer_request_id_is_refused()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/v1/accounts/acct-1/tokenization/mint").UsingPost())
            .RespondWith(StubResponses.Json(200, new JsonObject { ["tokenization_request_id"] = "tok-1" }));
        var (client, http) = ClientFor(new Uri(server.Url!), new ScenarioClock());
        using var _ = http;

        var result = await client.RequestMintAsync(new Symbol("AAPL"), new FractionalShares(1m), "0xwallet", CancellationToken.None);

        result.ShouldBeOfType<MintRequestResult.Refused>().Error.Kind.ShouldBe(TokenizationErrorKind.ApiError);
    }

    [Test]
    public async Task Requests_are_listed_by_type_and_an_empty_tx_hash_means_none()
    {
        using var stub = new AlpacaTokenizationStub(new ScenarioClock(), new OnchainPortsFake(), "0xredemption");
        stub.AcceptsMintsAndKeepsThemPending();
        using var http = (Credentials with { AccountId = AlpacaTokenizationStub.AccountId }).CreateTokenizationHttpClient(stub.Url);
        var client = new AlpacaTokenizationClient(new ResilientHttp(http, new ScenarioClock()), AlpacaTokenizationStub.AccountId);

        await client.RequestMintAsync(new Symbol("AAPL"), new FractionalShares(30.5m), "0xwallet", CancellationToken.None);

        var requests = await client.ListRequestsAsync("mint", CancellationToken.None);

        requests.ShouldBe([new TokenizationRequest("mint-1", "mint", TokenizationRequestStatus.Pending, "AAPL",
            new FractionalShares(30.5m), "issuer-mint-1", null)]);
        (await client.ListRequestsAsync("redeem", CancellationToken.None)).ShouldBeEmpty("no tokens were sent to the redemption wallet");
        var received = stub.Received()[1];
        (received.Method, received.Path, received.Query).ShouldBe(("GET", "/v1/accounts/tokenization-account/tokenization/requests", "type=mint"));
    }

    [Test]
    public async Task A_server_error_is_retried_with_backoff_on_the_clock_until_it_answers()
    {
        using var server = WireMockServer.Start();
        var path = "/v1/accounts/acct-1/tokenization/requests";
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("flaky").WillSetStateTo("once")
            .RespondWith(StubResponses.Status(503));
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("flaky").WhenStateIs("once").WillSetStateTo("twice")
            .RespondWith(StubResponses.Status(429));
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("flaky").WhenStateIs("twice")
            .RespondWith(StubResponses.Json(200, new JsonArray()));
        var clock = new ScenarioClock();
        var start = clock.GetUtcNow();
        var (client, http) = ClientFor(new Uri(server.Url!), clock);
        using var _ = http;

        var requests = await clock.RunUntilCompleteAsync(client.ListRequestsAsync("mint", CancellationToken.None));

        requests.ShouldBeEmpty();
        server.LogEntries.Count.ShouldBe(3, "two transient answers, then success");
        (clock.GetUtcNow() - start).ShouldBe(TimeSpan.FromSeconds(1 + 2), "backoff of 1 s then 2 s");
    }

    [Test]
    public async Task A_rate_limit_waits_for_its_retry_after_on_the_clock()
    {
        using var server = WireMockServer.Start();
        var path = "/v1/accounts/acct-1/tokenization/requests";
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("limited").WillSetStateTo("waited")
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(429).WithHeader("Retry-After", "7"));
        server.Given(Request.Create().WithPath(path).UsingGet()).InScenario("limited").WhenStateIs("waited")
            .RespondWith(StubResponses.Json(200, new JsonArray()));
        var clock = new ScenarioClock();
        var start = clock.GetUtcNow();
        var (client, http) = ClientFor(new Uri(server.Url!), clock);
        using var _ = http;

        await clock.RunUntilCompleteAsync(client.ListRequestsAsync("mint", CancellationToken.None));

        server.LogEntries.Count.ShouldBe(2);
        (clock.GetUtcNow() - start).ShouldBe(TimeSpan.FromSeconds(7), "the Retry-After wait");
    }
}
