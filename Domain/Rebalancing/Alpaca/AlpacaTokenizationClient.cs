using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Http;

namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>The tokenization adapter: the only code that knows its paths and JSON (§9.2).</summary>
public sealed class AlpacaTokenizationClient(VenueHttp http, string accountId) : ITokenizationApi
{
    public const string Issuer = "st0x";
    public const string Network = "base";

    public async Task<MintRequestResult> RequestMintAsync(
        Symbol symbol, FractionalShares quantity, string wallet, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["underlying_symbol"] = symbol.Value,
            ["qty"] = quantity.Value.ToString("F9", CultureInfo.InvariantCulture),
            ["issuer"] = Issuer,
            ["network"] = Network,
            ["wallet_address"] = wallet,
        };
        using var response = await http.SendAsync(
            () => VenueHttp.Json(HttpMethod.Post, $"/v1/accounts/{accountId}/tokenization/mint", body), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            return new MintRequestResult.Refused(Classify(response.StatusCode, HttpErrorText.Message(text)));
        var request = ParseOrNull(text);
        return AnswerText.IdentifierOrNull(request, "issuer_request_id") is { } issuerRequestId
            ? new MintRequestResult.Accepted(issuerRequestId, AnswerText.IdentifierOrNull(request, "tokenization_request_id") ?? "")
            : new MintRequestResult.Refused(new TokenizationError(
                TokenizationErrorKind.ApiError, (int)response.StatusCode, $"no issuer_request_id in {HttpErrorText.Excerpt(text)}"));
    }

    public async Task<IReadOnlyList<TokenizationRequest>> ListRequestsAsync(string type, CancellationToken cancellationToken)
    {
        var json = await http.SendForJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"/v1/accounts/{accountId}/tokenization/requests?type={type}"),
            cancellationToken);
        return (json as JsonArray ?? throw new ExternalApiException("invalid response: expected a list of requests"))
            .OfType<JsonObject>().Select(Read).ToList();
    }

    private static TokenizationError Classify(HttpStatusCode status, string body)
    {
        var kind = status switch
        {
            HttpStatusCode.Forbidden when body.Contains("insufficient", StringComparison.OrdinalIgnoreCase)
                || body.Contains("position", StringComparison.OrdinalIgnoreCase) => TokenizationErrorKind.InsufficientPosition,
            HttpStatusCode.Forbidden => TokenizationErrorKind.UnsupportedAccount,
            HttpStatusCode.UnprocessableEntity => TokenizationErrorKind.InvalidParameters,
            _ => TokenizationErrorKind.ApiError,
        };
        return new TokenizationError(kind, (int)status, body);
    }

    private static JsonObject? ParseOrNull(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    // Every field through AnswerText: an answer that reflects our request cannot carry its headers into an event.
    private static TokenizationRequest Read(JsonObject json) => new(
        AnswerText.OptionalIdentifier(json, "tokenization_request_id") ?? "",
        AnswerText.OptionalIdentifier(json, "type") ?? "",
        json["status"] is null ? TokenizationRequestStatus.Pending : AnswerText.RequiredEnum<TokenizationRequestStatus>(json, "status"),
        AnswerText.OptionalIdentifier(json, "underlying_symbol") ?? "",
        new FractionalShares(AnswerText.OptionalDecimal(json, "qty") ?? 0m),
        AnswerText.OptionalIdentifier(json, "issuer_request_id"),
        AnswerText.OptionalIdentifier(json, "tx_hash"));
}
