using System.Globalization;
using System.Text.Json.Nodes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// Alpaca's wallet API and its USDCUSD order endpoints on a WireMock server of their own, set up in
/// business terms: conversions fill, withdrawals and deposits complete or fail.
/// </summary>
public sealed class AlpacaWalletStub : IDisposable
{
    public const string AccountId = "wallet-account";
    public const string ConversionOrderId = "6a3c1e2d-0000-4000-8000-000000000001";
    public const string WithdrawalId = "7b4d2f3e-0000-4000-8000-000000000002";
    public const string DepositId = "8c5e3a4f-0000-4000-8000-000000000003";
    public const string DepositAddress = "0xa1ca0000000000000000000000000000000000d1";

    private readonly WireMockServer server = WireMockServer.Start();
    private readonly List<JsonObject> transfers = [];

    public Uri Url => new(server.Url!);

    private static string Wallets => $"/v1/accounts/{AccountId}/wallets";

    private static string Orders => $"/v1/trading/accounts/{AccountId}/orders";

    /// <summary>USDCUSD orders are accepted and reported filled for the ordered quantity.</summary>
    public void FillsConversions(string filledQuantity)
    {
        server.Given(Request.Create().WithPath(Orders).UsingPost())
            .RespondWith(StubResponses.Json(200, new JsonObject { ["id"] = ConversionOrderId, ["status"] = "accepted" }));
        server.Given(Request.Create().WithPath($"{Orders}/{ConversionOrderId}").UsingGet())
            .RespondWith(StubResponses.Json(200, new JsonObject
            {
                ["id"] = ConversionOrderId,
                ["status"] = "filled",
                ["filled_qty"] = filledQuantity,
                ["filled_avg_price"] = "1",
            }));
    }

    /// <summary>
    /// Each USDCUSD order for one of <paramref name="quantities"/> is accepted under an id of its own and
    /// reported filled for exactly that quantity, so one stub serves moves in both directions.
    /// </summary>
    public void FillsEachConversion(params string[] quantities)
    {
        foreach (var (quantity, index) in quantities.Select((quantity, index) => (quantity, index)))
        {
            var orderId = string.Create(CultureInfo.InvariantCulture, $"6a3c1e2d-0000-4000-8100-{index + 1:D12}");
            server.Given(Request.Create().WithPath(Orders).UsingPost().WithBody(new JsonPartialMatcher($"{{\"qty\":\"{quantity}\"}}")))
                .RespondWith(StubResponses.Json(200, new JsonObject { ["id"] = orderId, ["status"] = "accepted" }));
            server.Given(Request.Create().WithPath($"{Orders}/{orderId}").UsingGet())
                .RespondWith(StubResponses.Json(200, new JsonObject
                {
                    ["id"] = orderId,
                    ["status"] = "filled",
                    ["filled_qty"] = quantity,
                    ["filled_avg_price"] = "1",
                }));
        }
    }

    public void WhitelistsAddress(string address, string status = "APPROVED") =>
        server.Given(Request.Create().WithPath($"{Wallets}/whitelists").UsingGet())
            .RespondWith(StubResponses.Json(200, new JsonArray(new JsonObject
            {
                ["id"] = "whitelist-1",
                ["address"] = address,
                ["asset"] = "USDC",
                ["chain"] = "ETH",
                ["status"] = status,
            })));

    /// <summary>Withdrawals are accepted; the transfer list then reports them with <paramref name="finalStatus"/>.</summary>
    public void AcceptsWithdrawals(string amount, string finalStatus = "COMPLETE")
    {
        server.Given(Request.Create().WithPath($"{Wallets}/transfers").UsingPost())
            .RespondWith(StubResponses.Json(200, Transfer(WithdrawalId, "", "OUTGOING", amount, "PENDING")));
        transfers.Add(Transfer(WithdrawalId, "0xwithdrawal", "OUTGOING", amount, finalStatus));
        ListTransfers();
    }

    /// <summary>Our deposit address, and an incoming transfer for <paramref name="txHash"/> that ends in <paramref name="finalStatus"/>.</summary>
    public void CreditsDeposit(string txHash, string amount, string finalStatus = "COMPLETE")
    {
        server.Given(Request.Create().WithPath(Wallets).WithParam("asset", "USDC").UsingGet())
            .RespondWith(StubResponses.Json(200, new JsonArray(new JsonObject
            {
                ["asset_id"] = "usdc-ethereum",
                ["address"] = DepositAddress,
            })));
        transfers.Add(Transfer(DepositId, txHash, "INCOMING", amount, finalStatus));
        ListTransfers();
    }

    public IReadOnlyList<ReceivedRequest> Withdrawals() =>
        Received().Where(request => request.Method == "POST" && request.Path == $"{Wallets}/transfers").ToList();

    public IReadOnlyList<ReceivedRequest> ConversionOrders() =>
        Received().Where(request => request.Method == "POST" && request.Path == Orders).ToList();

    public IReadOnlyList<ReceivedRequest> Received() => StubJournal.Received(server);

    public void Dispose() => server.Stop();

    private void ListTransfers() =>
        server.Given(Request.Create().WithPath($"{Wallets}/transfers").UsingGet())
            .RespondWith(StubResponses.Json(200, new JsonArray([.. transfers.Select(transfer => transfer.DeepClone())])));

    private static JsonObject Transfer(string id, string txHash, string direction, string amount, string status) => new()
    {
        ["id"] = id,
        ["tx_hash"] = txHash,
        ["direction"] = direction,
        ["amount"] = amount,
        ["status"] = status,
        ["network_fee"] = "0",
        ["fees"] = "0",
        ["asset"] = "USDC",
    };
}
