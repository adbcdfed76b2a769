using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Http;

namespace TradingBot.Acceptance.Domain.Bridging;

/// <summary>The Circle adapter (§9.3): no authentication, the only code that knows Iris' paths and JSON.</summary>
public sealed class CircleAttestationClient(VenueHttp http) : ICctpAttestation
{
    public const int FastFinalityThreshold = 1000;

    public async Task<decimal?> GetFastTransferFeeBpsAsync(CctpChain source, CctpChain destination, CancellationToken cancellationToken)
    {
        var json = await http.SendForJsonAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"/v2/burn/USDC/fees/{(int)source}/{(int)destination}"), cancellationToken);
        var fee = (json as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(entry => entry["finalityThreshold"]?.GetValue<int>() == FastFinalityThreshold);
        return AnswerText.OptionalDecimal(fee, "minimumFee");
    }

    public async Task<AttestedMessage?> GetAttestedMessageAsync(CctpChain source, string burnTxHash, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"/v2/messages/{(int)source}?transactionHash={burnTxHash}"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new ExternalApiException(response.StatusCode, HttpErrorText.Describe(response.StatusCode, body));
        var message = (JsonNode.Parse(body)?["messages"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        if (message?["status"]?.GetValue<string>() != "complete")
            return null;
        return new AttestedMessage(
            AnswerText.RequiredIdentifier(message, "message"), AnswerText.RequiredIdentifier(message, "attestation"));
    }

    /// <summary><c>maxFee = ceil(units × bps / 10000)</c>.</summary>
    public static System.Numerics.BigInteger MaxFee(System.Numerics.BigInteger units, decimal bps)
    {
        var fee = (decimal)units * bps / 10_000m;
        return new System.Numerics.BigInteger(decimal.Ceiling(fee));
    }
}
