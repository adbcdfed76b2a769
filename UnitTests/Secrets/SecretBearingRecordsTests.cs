using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Execution.Alpaca;
using TradingBot.Acceptance.Domain.Execution.Schwab;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;
using TradingBot.Acceptance.UnitTests.Execution.Schwab;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace TradingBot.Acceptance.UnitTests.Secrets;

/// <summary>Records that carry credentials or tokens print <c>***</c> in their place; a token answer's body never becomes a reason.</summary>
[TestFixture]
[Category("secrets")]
public sealed class SecretBearingRecordsTests
{
    private const string Key = "AKSEEDEDKEY0001";
    private const string Secret = "seeded-secret-0002";
    private const string Access = "seeded-access-token-0003";
    private const string Refresh = "seeded-refresh-token-0004";

    private static readonly string[] Seeded = [Key, Secret, Access, Refresh];

    [Test]
    public void Secret_bearing_records_print_stars_from_ToString()
    {
        var printed = new object[]
        {
            new AlpacaCredentials(Key, Secret, "account-1"),
            new AlpacaBrokerApiOptions(Key, Secret, "account-1"),
            new SchwabOptions(Key, Secret, Refresh, "hash-1"),
            new SchwabToken(Access, Refresh, 1800),
            new SchwabTokenResult.Granted(Access),
        }.Select(record => record.ToString()!).ToList();

        foreach (var text in printed)
            Seeded.ShouldAllBe(secret => !text.Contains(secret, StringComparison.Ordinal), $"printed: {text}");
        printed[0].ShouldBe("AlpacaCredentials { KeyId = ***, SecretKey = ***, AccountId = account-1 }");
        printed[3].ShouldBe("SchwabToken { AccessToken = ***, RefreshToken = ***, ExpiresIn = 1800 }");
        printed[4].ShouldBe("Granted { AccessToken = *** }");
    }

    [TestCase("""{"access_token":"seeded-access-token-0003","refresh_token":"seeded-refresh-token-0004"}""", "missing field 'access_token' or a usable 'expires_in'")]
    [TestCase("""{"access_token":"seeded-access-token-0003","refresh_token":"seeded-refresh-token-0004","expires_in":0}""", "missing field 'access_token' or a usable 'expires_in'")]
    [TestCase("""{"access_token":"seeded-access-token-0003","refresh_token":"seeded-refresh-token-0004","expires_in":"soon"}""", "not a readable token answer")]
    public async Task A_token_answer_without_a_usable_expiry_fails_the_order_without_its_body(string answer, string problem)
    {
        using var bed = new SchwabTestBed();
        bed.Server.Given(Request.Create().WithPath(SchwabTestBed.TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(answer));

        var result = await bed.Executor.PlaceMarketOrderAsync(SchwabTestBed.BuyAapl(1m), CancellationToken.None);

        var reason = result.ShouldBeOfType<PlacementResult.Rejected>().Failure.Reason;
        reason.ShouldBe($"invalid response (200): {problem}; body withheld (it holds tokens)");
        Seeded.ShouldAllBe(secret => !reason.Contains(secret, StringComparison.Ordinal), $"reason: {reason}");
    }
}
