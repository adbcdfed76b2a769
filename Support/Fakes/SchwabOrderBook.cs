using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Drivers;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// The orders the simulated Schwab Trader API keeps: each order the bot places is accepted under a numeric
/// id of its own (given back in the Location header) with the instruction, quantity and symbol of its one leg;
/// it reads as ACCEPTED until the scenario's broker fills it (one execution leg at the price given) or part of it.
/// A cancel request for an open order is taken (200, PENDING_CANCEL until the scenario's broker ends it); for an
/// ended one it gets 400. The broker may stop answering status reads (an empty answer) or cancel requests (503).
/// </summary>
public sealed class SchwabOrderBook(string ordersUrl) : ISimulatedOrderBook
{
    private const long FirstOrderId = 1_004_000_001;
    private readonly Lock gate = new();
    private readonly List<JsonObject> orders = [];
    private readonly OrderBookFaults faults = new();

    public void Fill(string orderId, Usd price) => Update(orderId, order =>
    {
        faults.Reported(orderId);
        var quantity = order["quantity"]!.GetValue<decimal>();
        order["status"] = "FILLED";
        order["filledQuantity"] = quantity;
        order["remainingQuantity"] = 0m;
        order["orderActivityCollection"] = new JsonArray(new JsonObject
        {
            ["activityType"] = "EXECUTION",
            ["executionLegs"] = new JsonArray(new JsonObject { ["quantity"] = quantity, ["price"] = price.Value }),
        });
    });

    public void FillPartially(string orderId, FractionalShares filledSoFar) => Update(orderId, order =>
    {
        faults.Reported(orderId);
        order["status"] = "WORKING";
        order["filledQuantity"] = filledSoFar.Value;
        order["remainingQuantity"] = order["quantity"]!.GetValue<decimal>() - filledSoFar.Value;
    });

    public void Cancel(string orderId, FractionalShares filled, Usd? avgPrice) => Update(orderId, order =>
    {
        faults.Reported(orderId);
        order["status"] = "CANCELED";
        order["filledQuantity"] = filled.Value;
        order["remainingQuantity"] = order["quantity"]!.GetValue<decimal>() - filled.Value;
        if (filled.Value > 0m && avgPrice is { } price)
            order["orderActivityCollection"] = new JsonArray(new JsonObject
            {
                ["activityType"] = "EXECUTION",
                ["executionLegs"] = new JsonArray(new JsonObject { ["quantity"] = filled.Value, ["price"] = price.Value }),
            });
    });

    public void StopAnsweringStatusRequests() => faults.StopAnsweringStatusRequests();

    public void NeverAnswerCancels() => faults.NeverAnswerCancels();

    public IReadOnlyList<string> CancelRequests() => faults.CancelRequests();

    /// <summary><c>DELETE …/orders/{orderId}</c>: an open order is PENDING_CANCEL (200); an ended one cannot be canceled (400).</summary>
    public ResponseMessage CancelRequest(IRequestMessage request)
    {
        var orderId = request.Path.Split('/')[^1];
        if (!faults.AnswersCancel(orderId))
            return StubResponses.Message(503, new JsonObject { ["message"] = "service unavailable" });
        lock (gate)
        {
            if (orders.FirstOrDefault(order => Id(order) == orderId) is not { } order)
                return StubResponses.Message(404, new JsonObject { ["message"] = $"Order {orderId} not found" });
            if (order["status"]!.GetValue<string>() is "FILLED" or "CANCELED" or "EXPIRED" or "REJECTED")
                return StubResponses.Message(400, new JsonObject { ["message"] = $"Order {orderId} cannot be canceled" });
            order["status"] = "PENDING_CANCEL";
            return StubResponses.Empty();
        }
    }

    public IReadOnlyList<BrokerOrder> Received()
    {
        lock (gate)
            return [.. orders.Select(order => order["orderLegCollection"]![0]!).Select(leg => new BrokerOrder(
                leg["instruction"]!.GetValue<string>() == "BUY" ? Direction.Buy : Direction.Sell,
                new FractionalShares(leg["quantity"]!.GetValue<decimal>()),
                new Symbol(leg["instrument"]!["symbol"]!.GetValue<string>())))];
    }

    public ResponseMessage Place(IRequestMessage request)
    {
        var leg = (JsonNode.Parse(request.Body ?? "{}") as JsonObject)?["orderLegCollection"] is JsonArray { Count: 1 } legs ? legs[0] as JsonObject : null;
        if (leg?["instruction"]?.GetValue<string>() is not ("BUY" or "SELL")
            || leg["instrument"]?["symbol"]?.GetValue<string>() is not { Length: > 0 }
            || leg["quantity"] is not JsonValue quantity || !quantity.TryGetValue<decimal>(out var shares) || shares <= 0m || shares != decimal.Truncate(shares))
            return StubResponses.Message(400, new JsonObject { ["message"] = "one leg with BUY or SELL, a symbol and a whole quantity above 0 is required" });
        lock (gate)
        {
            var id = (FirstOrderId + orders.Count).ToString(CultureInfo.InvariantCulture);
            orders.Add(new JsonObject
            {
                ["orderId"] = long.Parse(id, CultureInfo.InvariantCulture),
                ["status"] = "ACCEPTED",
                ["quantity"] = shares,
                ["filledQuantity"] = 0m,
                ["remainingQuantity"] = shares,
                ["orderLegCollection"] = new JsonArray(leg.DeepClone()),
            });
            return new ResponseMessage
            {
                StatusCode = 201,
                Headers = new Dictionary<string, WireMockList<string>> { ["Location"] = new($"{ordersUrl}/{id}") },
                BodyData = new BodyData { BodyAsString = "", DetectedBodyType = BodyType.String },
            };
        }
    }

    public ResponseMessage Status(IRequestMessage request)
    {
        var orderId = request.Path.Split('/')[^1];
        if (faults.StatusUnanswered(orderId))
            return StubResponses.Empty();
        lock (gate)
            return orders.FirstOrDefault(order => Id(order) == orderId) is { } order
                ? StubResponses.Message(200, order.DeepClone())
                : StubResponses.Message(404, new JsonObject { ["message"] = $"Order {orderId} not found" });
    }

    private static string Id(JsonObject order) => order["orderId"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture);

    private void Update(string orderId, Action<JsonObject> change)
    {
        lock (gate)
            change(orders.FirstOrDefault(order => Id(order) == orderId)
                ?? throw new InvalidOperationException($"Schwab has no order {orderId}: the bot placed {orders.Count} order(s)."));
    }
}
