using System.Net;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Http;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.World;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TradingBot.Acceptance.UnitTests.Http;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HttpErrorTextTests
{
    private const string Secret = "s3cr3t-VALUE-42";

    // A long error body that carries credentials the way venues echo them back.
    private static readonly string LongBody =
        $"{{\"error\":\"invalid_grant\",\"access_token\":\"{Secret}\",\"detail\":\"{new string('x', 5000)}\"}}";

    [TestCase("{\"access_token\":\"" + Secret + "\",\"expires_in\":1800}", "{\"access_token\":\"***\",\"expires_in\":1800}")]
    [TestCase("{\"refresh_token\": \"" + Secret + "\"}", "{\"refresh_token\": \"***\"}")]
    [TestCase("{\"token\":\"" + Secret + "\",\"client_secret\":\"" + Secret + "\",\"Api_Key\":\"" + Secret + "\"}",
        "{\"token\":\"***\",\"client_secret\":\"***\",\"Api_Key\":\"***\"}")]
    [TestCase("{\"Authorization\":\"Basic " + Secret + "\"}", "{\"Authorization\":\"***\"}")]
    [TestCase("{\"secret\":\"with \\\"quotes\\\" inside\",\"id\":\"1\"}", "{\"secret\":\"***\",\"id\":\"1\"}")]
    [TestCase("GET /v1/oauth?grant_type=x&refresh_token=" + Secret + "&apiKey=" + Secret + "&keep=1",
        "GET /v1/oauth?grant_type=x&refresh_token=***&apiKey=***&keep=1")]
    [TestCase("Authorization: Bearer " + Secret, "Authorization: ***")]
    [TestCase("APCA-API-KEY-ID: " + Secret + "\nAPCA-API-SECRET-KEY: " + Secret, "APCA-API-KEY-ID: ***\nAPCA-API-SECRET-KEY: ***")]
    [TestCase("the call sent Bearer " + Secret + " and failed", "the call sent Bearer *** and failed")]
    public void Every_credential_form_is_redacted(string text, string expected) =>
        HttpErrorText.Redact(text).ShouldBe(expected);

    [TestCase("{\"tokenization_request_id\":\"req-1\",\"issuer_request_id\":\"iss-1\",\"message\":\"insufficient position\"}")]
    [TestCase("order rejected: token balance too low")]
    [TestCase("{\"status\":\"complete\",\"key\":\"value\"}")]
    public void Text_without_credentials_is_kept_as_it_is(string text) => HttpErrorText.Redact(text).ShouldBe(text);

    [Test]
    public void An_excerpt_is_one_redacted_line_cut_after_its_length()
    {
        var excerpt = HttpErrorText.Excerpt(LongBody);

        excerpt.Length.ShouldBe(HttpErrorText.ExcerptLength + 1, "the excerpt and its ellipsis");
        excerpt.ShouldStartWith("{\"error\":\"invalid_grant\",\"access_token\":\"***\"");
        excerpt.ShouldNotContain(Secret);
        HttpErrorText.Excerpt(" \n ").ShouldBe("(empty)");
    }

    [Test]
    public void A_broker_rejection_carries_the_status_and_a_redacted_excerpt()
    {
        var failure = BrokerFailures.Rejected(400, LongBody);

        failure.Reason.ShouldStartWith("rejected (400): ");
        failure.Reason.ShouldNotContain(Secret);
        failure.Reason.Length.ShouldBeLessThan(120, failure.Reason);
        BrokerFailures.Rejected(403, $"{{\"message\":\"order refused for api_key={Secret}\"}}").Reason
            .ShouldBe("rejected (403): order refused for api_key=***", "the broker's own message, its credential redacted");
    }

    [Test]
    public async Task A_venue_error_answer_becomes_an_exception_with_its_status_and_an_excerpt_never_the_whole_body()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/refused").UsingGet()).RespondWith(Response.Create().WithStatusCode(400).WithBody(LongBody));
        server.Given(Request.Create().WithPath("/v2/messages/0").UsingGet()).RespondWith(Response.Create().WithStatusCode(403).WithBody(LongBody));
        using var client = new HttpClient { BaseAddress = new Uri(server.Url!) };
        var http = new VenueHttp(client, new FakeTimeProvider());

        var failure = await Should.ThrowAsync<ExternalApiException>(
            () => http.SendForJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, "/refused"), CancellationToken.None));
        var circle = await Should.ThrowAsync<ExternalApiException>(
            () => new CircleAttestationClient(new VenueHttp(client, new ScenarioClock())).GetAttestedMessageAsync(CctpChain.Ethereum, "0xburn", CancellationToken.None));

        foreach (var (exception, status) in new[] { (failure, HttpStatusCode.BadRequest), (circle, HttpStatusCode.Forbidden) })
        {
            exception.Status.ShouldBe(status);
            exception.Message.ShouldStartWith($"{(int)status} {{\"error\":\"invalid_grant\",\"access_token\":\"***\"");
            exception.Message.ShouldNotContain(Secret);
            exception.Message.Length.ShouldBeLessThanOrEqualTo(HttpErrorText.ExcerptLength + 5, exception.Message);
        }
    }
}
