using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Rebalancing;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// Alpaca's wallet API and its USDCUSD order endpoints on a WireMock server of their own, as a small
/// model: each USDCUSD order is kept by id and fills for the ordered quantity, each withdrawal to a
/// whitelisted address is a transfer of the amount asked for that ends on the next look, and each USDC
/// the bot sends to the deposit address on Ethereum shows up as an incoming transfer of that amount.
/// Business steps set the whitelist and inject faults.
/// </summary>
public sealed class AlpacaWalletStub : IDisposable
{
    public const string AccountId = "wallet-account";
    public const string DepositAddress = "0xa1ca0000000000000000000000000000000000d1";

    private readonly WireMockServer server = WireMockServer.Start();
    private readonly Lock gate = new();
    private readonly OnchainPortsFake chain;
    private readonly List<ConversionOrder> orders = [];
    private readonly List<WalletEntry> transfers = [];
    private readonly List<JsonObject> whitelist = [];
    private string withdrawalOutcome = "COMPLETE";
    private string? conversionRefusal;
    private decimal conversionError;
    private decimal withdrawalError;
    private decimal depositError;

    public AlpacaWalletStub(OnchainPortsFake chain)
    {
        this.chain = chain;
        server.Given(Request.Create().WithPath(Orders).UsingPost()).RespondWith(Response.Create().WithCallback(PlaceOrder));
        server.Given(Request.Create().WithPath(new WildcardMatcher($"{Orders}/*")).UsingGet()).RespondWith(Response.Create().WithCallback(OrderStatus));
        server.Given(Request.Create().WithPath($"{Wallets}/whitelists").UsingGet())
            .RespondWith(Response.Create().WithCallback(_ => Locked(() => StubResponses.Message(200, new JsonArray([.. whitelist.Select(entry => entry.DeepClone())])))));
        server.Given(Request.Create().WithPath($"{Wallets}/transfers").UsingPost()).RespondWith(Response.Create().WithCallback(Withdraw));
        server.Given(Request.Create().WithPath($"{Wallets}/transfers").UsingGet()).RespondWith(Response.Create().WithCallback(_ => ListTransfers()));
        server.Given(Request.Create().WithPath(Wallets).UsingGet())
            .RespondWith(StubResponses.Json(200, new JsonArray(new JsonObject { ["asset_id"] = "usdc-ethereum", ["address"] = DepositAddress })));
    }

    public Uri Url => new(server.Url!);

    private static string Wallets => $"/v1/accounts/{AccountId}/wallets";

    private static string Orders => $"/v1/trading/accounts/{AccountId}/orders";

    /// <summary>Alpaca's whitelist holds <paramref name="address"/> for USDC with <paramref name="status"/> (APPROVED, PENDING, REJECTED).</summary>
    public void WhitelistsAddress(string address, string status = "APPROVED") => Locked(() =>
    {
        whitelist.Add(new JsonObject
        {
            ["id"] = $"whitelist-{whitelist.Count + 1}",
            ["address"] = address,
            ["asset"] = "USDC",
            ["chain"] = "ETH",
            ["status"] = status,
        });
        return whitelist.Count;
    });

    /// <summary>Withdrawals end in FAILED instead of COMPLETE.</summary>
    public void FailsWithdrawals() => Locked(() => withdrawalOutcome = "FAILED");

    /// <summary>Fault: every USDCUSD order is refused with <paramref name="message"/>.</summary>
    public void RejectsConversions(string message) => Locked(() => conversionRefusal = message);

    /// <summary>Fault: each USDCUSD order fills for <paramref name="difference"/> more than ordered (negative: less).</summary>
    public void FillsConversionsWithAnotherQuantity(decimal difference) => Locked(() => conversionError = difference);

    /// <summary>Fault: each withdrawal moves <paramref name="difference"/> more than asked for (negative: less).</summary>
    public void WithdrawsAnotherAmount(decimal difference) => Locked(() => withdrawalError = difference);

    /// <summary>Fault: each deposit is credited with <paramref name="difference"/> more than was sent (negative: less).</summary>
    public void CreditsDepositsWithAnotherAmount(decimal difference) => Locked(() => depositError = difference);

    public IReadOnlyList<ReceivedRequest> Withdrawals() =>
        Received().Where(request => request.Method == "POST" && request.Path == $"{Wallets}/transfers").ToList();

    public IReadOnlyList<ReceivedRequest> ConversionOrders() =>
        Received().Where(request => request.Method == "POST" && request.Path == Orders).ToList();

    /// <summary>The transfers Alpaca keeps, as it would list them now.</summary>
    public IReadOnlyList<WalletEntry> Transfers() => Locked(() => { CreditDeposits(); return transfers.ToList(); });

    public IReadOnlyList<ReceivedRequest> Received() => StubJournal.Received(server);

    public void Dispose() => server.Stop();

    private T Locked<T>(Func<T> read)
    {
        lock (gate)
            return read();
    }

    private ResponseMessage PlaceOrder(IRequestMessage request) => Locked(() =>
    {
        if (conversionRefusal is { } refused)
            return Error(HttpStatusCode.Forbidden, refused);
        var body = JsonNode.Parse(request.Body ?? "{}") as JsonObject;
        if (body?["symbol"]?.GetValue<string>() != "USDCUSD"
            || !decimal.TryParse(body["qty"]?.GetValue<string>(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity)
            || quantity <= 0m)
            return Error(HttpStatusCode.UnprocessableEntity, "this account trades USDCUSD only, with a qty above 0");
        var order = new ConversionOrder(
            Id("6a3c1e2d", orders.Count + 1), body["client_order_id"]?.GetValue<string>() ?? "", body["side"]?.GetValue<string>() ?? "buy",
            quantity, TokenUnits.Normalize(quantity + conversionError));
        orders.Add(order);
        return StubResponses.Message(200, Json(order, "accepted"));
    });

    private ResponseMessage OrderStatus(IRequestMessage request) => Locked(() =>
        orders.FirstOrDefault(order => order.Id == request.Path.Split('/')[^1]) is { } order
            ? StubResponses.Message(200, Json(order, "filled"))
            : Error(HttpStatusCode.NotFound, "order not found"));

    private ResponseMessage Withdraw(IRequestMessage request) => Locked(() =>
    {
        var body = JsonNode.Parse(request.Body ?? "{}") as JsonObject;
        var address = body?["address"]?.GetValue<string>() ?? "";
        if (!decimal.TryParse(body?["amount"]?.GetValue<string>(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0m)
            return Error(HttpStatusCode.UnprocessableEntity, "amount must be greater than 0");
        if (!whitelist.Any(entry => string.Equals(entry["address"]?.GetValue<string>(), address, StringComparison.OrdinalIgnoreCase)
                && entry["status"]?.GetValue<string>() == "APPROVED"))
            return Error(HttpStatusCode.Forbidden, $"{address} is not an approved withdrawal address");
        var transfer = new WalletEntry(Id("7b4d2f3e", transfers.Count + 1), null, "OUTGOING", TokenUnits.Normalize(amount + withdrawalError), address);
        transfers.Add(transfer);
        return StubResponses.Message(200, Json(transfer));
    });

    // A withdrawal ends on the first look after it was asked for; a deposit is listed once the bot's send landed.
    private ResponseMessage ListTransfers() => Locked(() =>
    {
        foreach (var transfer in transfers.Where(transfer => transfer is { Direction: "OUTGOING", Status: "PENDING" }))
            transfer.Status = withdrawalOutcome;
        CreditDeposits();
        return StubResponses.Message(200, new JsonArray([.. transfers.Select(Json)]));
    });

    private void CreditDeposits()
    {
        foreach (var sent in chain.Transfers.Where(sent => sent.Chain == CctpChain.Ethereum
            && string.Equals(sent.Recipient, DepositAddress, StringComparison.OrdinalIgnoreCase)
            && !transfers.Any(transfer => transfer.TxHash == sent.TxHash)))
        {
            var amount = TokenUnits.Normalize(TokenUnits.ToUsdc(sent.Units) + depositError);
            transfers.Add(new WalletEntry(Id("8c5e3a4f", transfers.Count + 1), sent.TxHash, "INCOMING", amount, DepositAddress) { Status = "COMPLETE" });
        }
    }

    private static string Id(string prefix, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-0000-4ace-8ace-{number:D12}");

    private static ResponseMessage Error(HttpStatusCode status, string message) =>
        StubResponses.Message((int)status, new JsonObject { ["code"] = status.ToString(), ["message"] = message });

    private static JsonObject Json(ConversionOrder order, string status) => new()
    {
        ["id"] = order.Id,
        ["client_order_id"] = order.ClientOrderId,
        ["symbol"] = "USDCUSD",
        ["side"] = order.Side,
        ["qty"] = order.Quantity.ToString(CultureInfo.InvariantCulture),
        ["status"] = status,
        ["filled_qty"] = status == "filled" ? order.FilledQuantity.ToString(CultureInfo.InvariantCulture) : "0",
        ["filled_avg_price"] = status == "filled" ? "1" : null,
    };

    private static JsonObject Json(WalletEntry transfer) => new()
    {
        ["id"] = transfer.Id,
        ["tx_hash"] = transfer.TxHash ?? "",
        ["direction"] = transfer.Direction,
        ["amount"] = transfer.Amount.ToString(CultureInfo.InvariantCulture),
        ["status"] = transfer.Status,
        ["network_fee"] = "0",
        ["fees"] = "0",
        ["asset"] = "USDC",
    };
}
