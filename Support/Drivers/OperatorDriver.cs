using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// An operator at the running bot's operator API (DOMAIN §14.4, <c>@e2e</c>): engages and resets the kill
/// switch, changes the limits and reads the status over HTTP with the scenario's token, as curl would. The
/// token is drawn at random per scenario and never written into a step or a report.
/// </summary>
public sealed class OperatorDriver(RunningBotDriver bot) : IDisposable
{
    private HttpClient? http;

    private string Token => bot.OperatorToken;

    /// <summary>What the last refused request was answered: its status and message.</summary>
    public (HttpStatusCode Status, string Error)? LastRefusal { get; private set; }

    /// <summary>How many orders the broker had received, and the bot recorded, when the kill switch was engaged.</summary>
    private (int Received, int Recorded)? ordersAtEngagement;

    public Task EngageKillSwitchAsync(string reason)
    {
        ordersAtEngagement = (bot.Broker.ReceivedOrders().Count, bot.Orders().Count);
        return CommandAsync(HttpMethod.Post, "/kill-switch", JsonSerializer.Serialize(new { reason }));
    }

    /// <summary>The broker orders received, and recorded by the bot, since the kill switch was engaged.</summary>
    public (int Received, int Recorded) OrdersSinceEngagement() =>
        ordersAtEngagement is var (received, recorded)
            ? (bot.Broker.ReceivedOrders().Count - received, bot.Orders().Count - recorded)
            : throw new InvalidOperationException("The kill switch was not engaged through the operator API in this scenario.");

    /// <summary>Lines the running bot logged that hold the operator token.</summary>
    public IReadOnlyList<string> LogLinesWithTheToken() =>
        [.. bot.Log.Lines.Where(line => line.Contains(Token, StringComparison.Ordinal))];

    /// <summary>How many lines the running bot logged about the operator API.</summary>
    public int OperatorApiLogLines() => bot.Log.Lines.Count(line => line.Contains("Operator API", StringComparison.Ordinal) || line.Contains("over the API", StringComparison.Ordinal));

    public Task ResetKillSwitchAsync() => CommandAsync(HttpMethod.Delete, "/kill-switch", null);

    public Task SetOrderLimitAsync(Usd limit) =>
        CommandAsync(HttpMethod.Put, "/limits", string.Create(CultureInfo.InvariantCulture, $$"""{ "order_limit_usd": {{limit.Value}} }"""));

    /// <summary>Sends a command without the token; remembers the refusal.</summary>
    public async Task EngageKillSwitchWithoutTheTokenAsync(string reason) =>
        await RefusedAsync(HttpMethod.Post, "/kill-switch", JsonSerializer.Serialize(new { reason }), authorization: null).ConfigureAwait(false);

    /// <summary>Sends a limit the API must refuse, written as the operator typed it; remembers the refusal.</summary>
    public async Task SetOrderLimitAsTypedAsync(string typed) =>
        await RefusedAsync(HttpMethod.Put, "/limits", $$"""{ "order_limit_usd": {{typed}} }""", "Bearer " + Token).ConfigureAwait(false);

    /// <summary>Whether <c>GET /status</c> shows the kill switch engaged, and why.</summary>
    public async Task<(bool Engaged, string? Reason)> KillSwitchAsync()
    {
        var killSwitch = (await StatusAsync().ConfigureAwait(false)).GetProperty("kill_switch");
        return (killSwitch.GetProperty("engaged").GetBoolean(), killSwitch.GetProperty("reason").GetString());
    }

    /// <summary>The order limit <c>GET /status</c> shows; <c>null</c> is none.</summary>
    public async Task<decimal?> OrderLimitAsync() =>
        (await StatusAsync().ConfigureAwait(false)).GetProperty("limits").GetProperty("order_limit_usd") is { ValueKind: JsonValueKind.Number } limit
            ? limit.GetDecimal()
            : null;

    /// <summary>The net of the symbol's position <c>GET /status</c> shows; <c>null</c> when it lists none.</summary>
    public async Task<decimal?> NetPositionAsync(Symbol symbol) =>
        (await StatusAsync().ConfigureAwait(false)).GetProperty("positions").EnumerateArray()
            .Where(position => position.GetProperty("symbol").GetString() == symbol.Value)
            .Select(position => (decimal?)position.GetProperty("net").GetDecimal())
            .SingleOrDefault();

    /// <summary>The status the API answers now, as JSON.</summary>
    private async Task<JsonElement> StatusAsync()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/status", null, "Bearer " + Token).ConfigureAwait(false);
        return status == HttpStatusCode.OK ? JsonDocument.Parse(body).RootElement
            : throw new InvalidOperationException($"GET /status answered {(int)status}: {body}");
    }

    public void Dispose() => http?.Dispose();

    private async Task CommandAsync(HttpMethod method, string path, string? body)
    {
        var (status, answer) = await SendAsync(method, path, body, "Bearer " + Token).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
            throw new InvalidOperationException($"{method} {path} answered {(int)status}: {answer}");
        await bot.WaitUntilIdleAsync().ConfigureAwait(false);
    }

    private async Task RefusedAsync(HttpMethod method, string path, string body, string? authorization)
    {
        var (status, answer) = await SendAsync(method, path, body, authorization).ConfigureAwait(false);
        LastRefusal = (status, JsonDocument.Parse(answer).RootElement.GetProperty("error").GetString() ?? "");
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string? body, string? authorization)
    {
        http ??= new HttpClient { BaseAddress = bot.OperatorApi };
        using var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }
}
