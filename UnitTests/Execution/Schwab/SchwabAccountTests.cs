using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hosting;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace TradingBot.Acceptance.UnitTests.Execution.Schwab;

/// <summary>Schwab's account read (the probe that lifts refused credentials), its order lookups, and the token upkeep.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[Parallelizable(ParallelScope.All)]
public sealed class SchwabAccountTests : IDisposable
{
    private const string AccountPath = $"/trader/v1/accounts/{SchwabTestBed.AccountHash}";
    private readonly SchwabTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [TestCase("""{"securitiesAccount":{"currentBalances":{"cashBalance":10000.5}}}""", 10000.5)]
    [TestCase("""{"securitiesAccount":{"accountNumber":"123"}}""", null)]
    [TestCase("not json", null)]
    public async Task An_answered_account_read_is_active_and_gives_the_cash_when_Schwab_states_it(string body, double? cash)
    {
        bed.GrantToken("access-1");
        AnswerAccount(200, body);

        var probe = await bed.Executor.ProbeAccountAsync(CancellationToken.None);

        probe.ShouldBe(new AccountProbeResult.Active(cash is { } amount ? new Usd((decimal)amount) : null));
    }

    [Test]
    public async Task A_refused_account_read_keeps_the_credentials_refused()
    {
        bed.GrantToken("access-1");
        AnswerAccount(401, """{"message":"unauthorized"}""");

        var probe = await bed.Executor.ProbeAccountAsync(CancellationToken.None);

        probe.ShouldBeOfType<AccountProbeResult.Failed>().Failure.Kind.ShouldBe(BrokerFailureKind.Authentication);
        bed.Executor.AuthenticationFailed.ShouldBeTrue("credentials refused");
    }

    [Test]
    public async Task An_order_status_the_broker_refuses_is_unreadable_with_the_reason()
    {
        bed.GrantToken("access-1");
        bed.Server.Given(Request.Create().WithPath($"{SchwabTestBed.OrdersPath}/{SchwabTestBed.OrderId}").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("""{"message":"order not found"}"""));

        var state = await bed.Executor.GetOrderStatusAsync(new BrokerOrderId(SchwabTestBed.OrderId), CancellationToken.None);

        state.ShouldBeOfType<BrokerOrderState.Unreadable>().Failure.Reason.ShouldContain("404");
    }

    [Test]
    public async Task Schwab_cannot_look_an_order_up_by_the_bots_own_id()
    {
        var lookup = await bed.Executor.FindByClientOrderIdAsync(new ClientOrderId(Guid.NewGuid()), CancellationToken.None);

        lookup.ShouldBeOfType<ClientOrderLookup.Failed>().Failure.Reason.ShouldContain("cannot look orders up by client order id");
        bed.Server.LogEntries.ShouldBeEmpty("requests sent for a lookup Schwab does not offer");
    }

    [Test]
    public async Task The_upkeep_renews_a_token_that_would_expire_before_its_next_round_and_keeps_one_that_would_not()
    {
        bed.GrantToken("access-1", expiresInSeconds: 1800);
        var upkeep = new SchwabTokenMaintenance(bed.Executor.Tokens, TimeSpan.FromMinutes(25));

        await upkeep.MaintainAsync(CancellationToken.None);
        bed.Clock.Advance(TimeSpan.FromMinutes(3));
        await upkeep.MaintainAsync(CancellationToken.None);
        var whileItOutlivesTheNextRound = bed.Requests("POST", SchwabTestBed.TokenPath).Count;
        bed.Clock.Advance(TimeSpan.FromMinutes(2));
        await upkeep.MaintainAsync(CancellationToken.None);

        whileItOutlivesTheNextRound.ShouldBe(1, "token requests while the token outlives the next round by the margin");
        bed.Requests("POST", SchwabTestBed.TokenPath).Count.ShouldBe(2, "token requests once it would expire before the next round");
    }

    [Test]
    public async Task The_upkeep_fails_loudly_when_Schwab_refuses_the_refresh_token()
    {
        bed.RefuseToken();
        var upkeep = new SchwabTokenMaintenance(bed.Executor.Tokens, TimeSpan.FromMinutes(25));

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => upkeep.MaintainAsync(CancellationToken.None));

        failure.Message.ShouldStartWith("Schwab token refresh failed");
        bed.Executor.AuthenticationFailed.ShouldBeTrue("credentials refused");
    }

    private void AnswerAccount(int status, string body) =>
        bed.Server.Given(Request.Create().WithPath(AccountPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
}
