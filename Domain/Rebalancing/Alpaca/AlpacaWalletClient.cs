using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Http;

namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>The wallet adapter: the only code that knows the wallet paths and JSON (§9.2).</summary>
public sealed class AlpacaWalletClient(VenueHttp http, string accountId) : IAlpacaWallet
{
    public async Task<IReadOnlyList<WhitelistEntry>> ListWhitelistsAsync(CancellationToken cancellationToken)
    {
        var json = await http.SendForJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"/v1/accounts/{accountId}/wallets/whitelists"), cancellationToken);
        return List(json).Select(entry => new WhitelistEntry(
            Text(entry, "id"), Text(entry, "address"), Text(entry, "asset"), Text(entry, "chain"), Text(entry, "status"))).ToList();
    }

    public async Task<WalletTransfer> RequestWithdrawalAsync(Usd amount, string address, CancellationToken cancellationToken)
    {
        if (amount.Value <= 0m)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "amount: a withdrawal must be greater than 0");
        var body = new JsonObject
        {
            ["amount"] = amount.Value.ToString(CultureInfo.InvariantCulture),
            ["asset"] = "USDC",
            ["address"] = address,
        };
        var json = await http.SendForJsonAsync(
            () => VenueHttp.Json(HttpMethod.Post, $"/v1/accounts/{accountId}/wallets/transfers", body), cancellationToken);
        return Read(json as JsonObject ?? throw new ExternalApiException("invalid response: expected a transfer"));
    }

    public async Task<IReadOnlyList<WalletTransfer>> ListTransfersAsync(CancellationToken cancellationToken)
    {
        var json = await http.SendForJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"/v1/accounts/{accountId}/wallets/transfers"), cancellationToken);
        return List(json).Select(Read).ToList();
    }

    public async Task<string> GetDepositAddressAsync(CancellationToken cancellationToken)
    {
        var json = await http.SendForJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"/v1/accounts/{accountId}/wallets?asset=USDC&network=ethereum"),
            cancellationToken);
        var wallet = json is JsonArray array ? array.OfType<JsonObject>().FirstOrDefault() : json as JsonObject;
        return AnswerText.OptionalIdentifier(wallet, "address") ?? throw new ExternalApiException("invalid response: no deposit address");
    }

    private static IEnumerable<JsonObject> List(JsonNode json) =>
        (json as JsonArray ?? throw new ExternalApiException("invalid response: expected a list")).OfType<JsonObject>();

    // Every field through AnswerText: an answer that reflects our request cannot carry its headers into an event.
    private static string Text(JsonObject json, string name) => AnswerText.RequiredIdentifier(json, name);

    private static WalletTransfer Read(JsonObject json) => new(
        Guid.TryParse(Text(json, "id"), CultureInfo.InvariantCulture, out var id) ? id : throw new ExternalApiException("invalid response: 'id' not a transfer id"),
        AnswerText.OptionalIdentifier(json, "tx_hash"),
        AnswerText.OptionalIdentifier(json, "direction") ?? "",
        AnswerText.RequiredDecimal(json, "amount"),
        AnswerText.RequiredEnum<TransferStatus>(json, "status"));
}
