using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.Http;
using TradingBot.Acceptance.Support.Fakes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using TradingBot.Acceptance.Domain.Timing;

namespace TradingBot.Acceptance.UnitTests.Http;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class VenueHttpTests
{
    [Test]
    public async Task Each_retry_waits_through_the_given_clock_wait_for_its_backoff_or_retry_after()
    {
        using var server = WireMockServer.Start();
        var request = Request.Create().WithPath("/flaky").UsingGet();
        server.Given(request).InScenario("flaky").WillSetStateTo("503 once").RespondWith(StubResponses.Status(503));
        server.Given(request).InScenario("flaky").WhenStateIs("503 once").WillSetStateTo("503 twice").RespondWith(StubResponses.Status(503));
        server.Given(request).InScenario("flaky").WhenStateIs("503 twice").WillSetStateTo("limited")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "7"));
        server.Given(request).InScenario("flaky").WhenStateIs("limited").RespondWith(StubResponses.Json(200, new JsonObject { ["ok"] = true }));
        using var client = new HttpClient { BaseAddress = new Uri(server.Url!) };
        var waits = new RecordingWait();
        var http = new VenueHttp(client, new FakeTimeProvider(), waits);

        var answer = await http.SendForJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, "/flaky"), CancellationToken.None);

        answer["ok"]!.GetValue<bool>().ShouldBeTrue("the answer after the retries");
        waits.Delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(7)], "waits: backoff 1 s, 2 s, then the Retry-After");
    }

    [Test]
    public async Task After_ten_retries_the_last_transient_answer_comes_back()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/down").UsingGet()).RespondWith(StubResponses.Status(503));
        using var client = new HttpClient { BaseAddress = new Uri(server.Url!) };
        var waits = new RecordingWait();
        var http = new VenueHttp(client, new FakeTimeProvider(), waits);

        using var answer = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, "/down"), CancellationToken.None);

        ((int)answer.StatusCode).ShouldBe(503, "the last answer");
        server.LogEntries.Count.ShouldBe(11, "the first try and 10 retries");
        waits.Delays.Select(delay => (int)delay.TotalSeconds).ShouldBe([1, 2, 4, 8, 16, 32, 60, 60, 60, 60], "backoff doubling up to 60 s");
    }

    private sealed class RecordingWait : IClockWait
    {
        public List<TimeSpan> Delays { get; } = [];

        public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            Delays.Add(delay);
            return Task.CompletedTask;
        }
    }
}
