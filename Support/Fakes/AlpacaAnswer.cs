using System.Globalization;
using System.Net;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>One answer the fake Alpaca Broker API gives: a status, a body, headers, and how long it keeps the caller waiting.</summary>
public sealed record AlpacaAnswer(int StatusCode, string Body, string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The broker takes the request and never answers (until the stub is disposed): the caller's timeout decides.</summary>
    public bool NeverAnswers { get; init; }

    public static AlpacaAnswer Order(string orderId, string status, string filledQuantity = "0", string? filledAveragePrice = null) =>
        new(200, OrderJson(orderId, status, filledQuantity, filledAveragePrice));

    public static AlpacaAnswer Filled(string orderId, FractionalShares shares, Usd price) =>
        Order(orderId, "filled", shares.ToString(), price.Value.ToString("0.00", CultureInfo.InvariantCulture));

    public static AlpacaAnswer PartiallyFilled(string orderId, FractionalShares filledSoFar) =>
        Order(orderId, "partially_filled", filledSoFar.ToString());

    /// <summary>An Alpaca error body: <c>{"code":…,"message":…}</c>.</summary>
    public static AlpacaAnswer Error(int statusCode, string message) =>
        new(statusCode, $$"""{"code":{{statusCode}}00000,"message":"{{message}}"}""");

    public static AlpacaAnswer Unauthorized() => Error((int)HttpStatusCode.Unauthorized, "request is not authorized");

    public static AlpacaAnswer ServerError(int statusCode = (int)HttpStatusCode.InternalServerError) => Error(statusCode, "internal server error");

    /// <summary>A 429; <paramref name="retryAfter"/> is the header as sent: seconds or an HTTP date, or none.</summary>
    public static AlpacaAnswer TooManyRequests(string? retryAfter) =>
        Error((int)HttpStatusCode.TooManyRequests, "too many requests") with
        {
            Headers = retryAfter is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Retry-After"] = retryAfter },
        };

    public static AlpacaAnswer MalformedJson() => new(200, """{"id": "61e69015-8549-4bfd-b9c3-01e75843f47d", "status": """);

    public static AlpacaAnswer HtmlPage() =>
        new(200, "<html><head><title>Maintenance</title></head><body><h1>We'll be right back</h1></body></html>", "text/html");

    public static AlpacaAnswer WithoutId() => new(200, """{"client_order_id":"unknown","status":"accepted"}""");

    public static AlpacaAnswer NoAnswer() => Order("never-seen", "accepted") with { NeverAnswers = true };

    private static string OrderJson(string orderId, string status, string filledQuantity, string? filledAveragePrice) =>
        $$"""{"id":"{{orderId}}","status":"{{status}}","filled_qty":"{{filledQuantity}}","filled_avg_price":{{(filledAveragePrice is null ? "null" : $"\"{filledAveragePrice}\"")}}}""";
}
