using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Http;

namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>USDCUSD orders on the Broker API order endpoints (§9.1).</summary>
public sealed class AlpacaUsdcConversionClient(VenueHttp http, string accountId) : IUsdcConversion
{
    public const string Pair = "USDCUSD";

    public async Task<string> PlaceAsync(Direction side, Usd quantity, Guid clientOrderId, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["symbol"] = Pair,
            ["qty"] = quantity.Value.ToString(CultureInfo.InvariantCulture),
            ["side"] = side == Direction.Buy ? "buy" : "sell",
            ["type"] = "market",
            ["time_in_force"] = "gtc",
            ["client_order_id"] = clientOrderId.ToString(),
        };
        var json = await http.SendForJsonAsync(
            () => VenueHttp.Json(HttpMethod.Post, $"/v1/trading/accounts/{accountId}/orders", body), cancellationToken);
        return AnswerText.RequiredIdentifier(json, "id");
    }

    public async Task<UsdcOrderStatus> GetStatusAsync(string orderId, CancellationToken cancellationToken)
    {
        var json = await http.SendForJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"/v1/trading/accounts/{accountId}/orders/{orderId}"), cancellationToken);
        return new UsdcOrderStatus(AnswerText.RequiredIdentifier(json, "status"), AnswerText.OptionalDecimal(json, "filled_qty"));
    }
}
