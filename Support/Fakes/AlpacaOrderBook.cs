using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Support.Drivers;
using WireMock;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// The orders the simulated Alpaca Broker API keeps: each order the bot places is accepted under an id of
/// its own with the symbol, quantity, side and client order id it was sent with; it reads as accepted until
/// the scenario's broker fills it (for its quantity, at the price given) or fills part of it. A cancel request
/// for an open order is taken (204, the order is then pending_cancel until the scenario's broker ends it); for an
/// ended one it gets 422. The broker may stop answering status reads (an empty answer) or cancel requests (503).
/// </summary>
public sealed class AlpacaOrderBook : ISimulatedOrderBook
{
    private readonly Lock gate = new();
    private readonly List<JsonObject> orders = [];
    private readonly OrderBookFaults faults = new();

    /// <summary>Every order placed so far, as Alpaca would report it now.</summary>
    public IReadOnlyList<JsonObject> Orders()
    {
        lock (gate)
            return [.. orders.Select(order => (JsonObject)order.DeepClone())];
    }

    /// <summary>The order fills in full, for the quantity the bot ordered, at <paramref name="price"/>.</summary>
    public void Fill(string orderId, Usd price) => Update(orderId, order =>
    {
        faults.Reported(orderId);
        order["status"] = "filled";
        order["filled_qty"] = order["qty"]!.GetValue<string>();
        order["filled_avg_price"] = price.Value.ToString(CultureInfo.InvariantCulture);
    });

    /// <summary><paramref name="filledSoFar"/> of the order has filled; it stays open.</summary>
    public void FillPartially(string orderId, FractionalShares filledSoFar) => Update(orderId, order =>
    {
        faults.Reported(orderId);
        order["status"] = "partially_filled";
        order["filled_qty"] = filledSoFar.ToString();
    });

    public void Cancel(string orderId, FractionalShares filled, Usd? avgPrice) => Update(orderId, order =>
    {
        faults.Reported(orderId);
        order["status"] = "canceled";
        order["filled_qty"] = filled.ToString();
        order["filled_avg_price"] = avgPrice?.Value.ToString(CultureInfo.InvariantCulture);
    });

    public void StopAnsweringStatusRequests() => faults.StopAnsweringStatusRequests();

    public void NeverAnswerCancels() => faults.NeverAnswerCancels();

    public IReadOnlyList<string> CancelRequests() => faults.CancelRequests();

    /// <summary><c>DELETE …/orders/{id}</c>: an open order is pending_cancel (204); an ended one cannot be canceled (422).</summary>
    public ResponseMessage CancelRequest(IRequestMessage request)
    {
        var orderId = request.Path.Split('/')[^1];
        if (!faults.AnswersCancel(orderId))
            return StubResponses.Message(503, new JsonObject { ["message"] = "service unavailable" });
        lock (gate)
        {
            if (orders.FirstOrDefault(order => order["id"]!.GetValue<string>() == orderId) is not { } order)
                return StubResponses.Message(404, new JsonObject { ["code"] = "not_found", ["message"] = "order not found" });
            if (order["status"]!.GetValue<string>() is "filled" or "canceled" or "expired" or "rejected")
                return StubResponses.Message(422, new JsonObject { ["code"] = "order_not_cancelable", ["message"] = "order is not cancelable" });
            order["status"] = "pending_cancel";
            return new ResponseMessage { StatusCode = 204 };
        }
    }

    public IReadOnlyList<BrokerOrder> Received() =>
        [.. Orders().Select(order => new BrokerOrder(
            order["side"]!.GetValue<string>() == "buy" ? Direction.Buy : Direction.Sell,
            new FractionalShares(decimal.Parse(order["qty"]!.GetValue<string>(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)),
            new Symbol(order["symbol"]!.GetValue<string>())))];

    public ResponseMessage Place(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}") as JsonObject;
        if (body?["symbol"]?.GetValue<string>() is not { Length: > 0 } symbol
            || !decimal.TryParse(body["qty"]?.GetValue<string>(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity)
            || quantity <= 0m)
            return StubResponses.Message((int)System.Net.HttpStatusCode.UnprocessableEntity,
                new JsonObject { ["code"] = "invalid_order", ["message"] = "symbol and a qty above 0 are required" });
        lock (gate)
        {
            var order = new JsonObject
            {
                ["id"] = string.Create(CultureInfo.InvariantCulture, $"0a1e0000-0000-4ace-8ace-{orders.Count + 1:D12}"),
                ["client_order_id"] = body["client_order_id"]?.GetValue<string>() ?? "",
                ["symbol"] = symbol,
                ["qty"] = body["qty"]!.GetValue<string>(),
                ["side"] = body["side"]?.GetValue<string>() ?? "",
                ["type"] = body["type"]?.GetValue<string>() ?? "market",
                ["status"] = "accepted",
                ["filled_qty"] = "0",
                ["filled_avg_price"] = null,
            };
            orders.Add(order);
            return StubResponses.Message(200, order.DeepClone());
        }
    }

    public ResponseMessage Status(IRequestMessage request)
    {
        var orderId = request.Path.Split('/')[^1];
        if (faults.StatusUnanswered(orderId))
            return StubResponses.Empty();
        return Answer(order => order["id"]!.GetValue<string>() == orderId);
    }

    public ResponseMessage ByClientOrderId(IRequestMessage request)
    {
        var clientOrderId = request.Query?.TryGetValue("client_order_id", out var values) == true ? values[0] : "";
        return Answer(order => order["client_order_id"]!.GetValue<string>() == clientOrderId);
    }

    private ResponseMessage Answer(Func<JsonObject, bool> matches)
    {
        lock (gate)
            return orders.FirstOrDefault(matches) is { } order
                ? StubResponses.Message(200, order.DeepClone())
                : StubResponses.Message((int)System.Net.HttpStatusCode.NotFound, new JsonObject { ["code"] = "not_found", ["message"] = "order not found" });
    }

    private void Update(string orderId, Action<JsonObject> change)
    {
        lock (gate)
            change(orders.FirstOrDefault(order => order["id"]!.GetValue<string>() == orderId)
                ?? throw new InvalidOperationException($"Alpaca has no order {orderId}: the bot placed {orders.Count} order(s)."));
    }
}
