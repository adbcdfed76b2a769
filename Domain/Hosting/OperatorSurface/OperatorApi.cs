using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

/// <summary>
/// The operator HTTP API of the running bot (DOMAIN §14.4), on its own Kestrel port: <c>GET /status</c>,
/// <c>POST /kill-switch</c>, <c>DELETE /kill-switch</c>, <c>PUT /limits</c>, over the bot's <see cref="RiskControls"/>
/// (the same commands scenarios give in process). Every request must carry the
/// bearer token (else 401, nothing changed); a body that is not a valid command is refused with 400 naming
/// the field. Kestrel's own logging is off: the API logs its commands itself, never a header.
/// </summary>
public sealed partial class OperatorApi : IAsyncDisposable
{
    /// <summary>A command body is a few fields: anything larger is not one.</summary>
    private const long MaximumBodyBytes = 16 * 1024;

    // The API's fields are spelt like the settings of §14 (order_limit_usd, engaged_at).
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly WebApplication app;
    private readonly RiskControls risk;
    private readonly EventStoreDatabase database;
    private readonly BearerToken token;
    private readonly ILogger logger;
    private readonly Func<string?> role;

    private OperatorApi(WebApplication app, OperatorApiSettings settings, RiskControls risk, EventStoreDatabase database, ILogger logger, Func<string?> role)
    {
        this.app = app;
        this.role = role;
        this.risk = risk;
        this.database = database;
        this.logger = logger;
        token = new BearerToken(settings.Token);
    }

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:41234/</c> (the port picked when the settings said 0).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <param name="role">The instance's role for <c>GET /status</c> (active or standby), or none without active and standby.</param>
    public static async Task<OperatorApi> StartAsync(
        OperatorApiSettings settings, RiskControls risk, EventStoreDatabase database, ILogger logger, CancellationToken cancellationToken, Func<string?>? role = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(settings.Address, settings.Port);
            kestrel.Limits.MaxRequestBodySize = MaximumBodyBytes;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var api = new OperatorApi(app, settings, risk, database, logger, role ?? (() => null));
        app.Use(api.AuthenticateAsync);
        app.MapGet("/status", api.StatusAsync);
        app.MapPost("/kill-switch", api.EngageAsync);
        app.MapDelete("/kill-switch", api.ResetAsync);
        app.MapPut("/limits", api.SetLimitsAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        api.Address = new Uri(address + "/");
        LogListening(logger, api.Address);
        return api;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await app.StopAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync() => await app.DisposeAsync().ConfigureAwait(false);

    // Runs before routing's endpoints: a request without the token reaches no command, not even a 404 that says which paths exist.
    private async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        if (token.Refusal(context.Request) is { } refusal)
        {
            LogRefused(logger, context.Request.Method, context.Request.Path.Value ?? "/", refusal);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteAsync(context, StatusCodes.Status401Unauthorized, new OperatorError(refusal)).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && role() == "standby")
        {
            // Active and standby: commands are the active instance's (the limits live in its memory, the kill switch in its writes).
            LogInvalid(logger, context.Request.Method, context.Request.Path.Value ?? "/", Standby);
            await WriteAsync(context, StatusCodes.Status409Conflict, new OperatorError(Standby)).ConfigureAwait(false);
            return;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (LeadershipLostException standby) when (!context.Response.HasStarted)
        {
            // Active and standby: the standby's writes are fenced; the command is the active instance's to take.
            LogInvalid(logger, context.Request.Method, context.Request.Path.Value ?? "/", standby.Message);
            await WriteAsync(context, StatusCodes.Status409Conflict, new OperatorError($"{Standby}: {standby.Message}")).ConfigureAwait(false);
        }
    }

    private Task StatusAsync(HttpContext context) => WriteStatusAsync(context);

    private async Task EngageAsync(HttpContext context)
    {
        var reason = OperatorRequests.KillSwitchReason(await BodyAsync(context).ConfigureAwait(false));
        if (reason.Problem is { } problem)
        {
            await RefuseAsync(context, problem).ConfigureAwait(false);
            return;
        }

        risk.EngageKillSwitch(reason.Value!, By);
        LogEngaged(logger, reason.Value!);
        await WriteStatusAsync(context).ConfigureAwait(false);
    }

    private async Task ResetAsync(HttpContext context)
    {
        if (!risk.ResetKillSwitch(By))
        {
            LogInvalid(logger, context.Request.Method, context.Request.Path.Value ?? "/", NotEngaged);
            await WriteAsync(context, StatusCodes.Status409Conflict, new OperatorError(NotEngaged)).ConfigureAwait(false);
            return;
        }

        LogReset(logger);
        await WriteStatusAsync(context).ConfigureAwait(false);
    }

    private async Task SetLimitsAsync(HttpContext context)
    {
        var limits = OperatorRequests.Limits(await BodyAsync(context).ConfigureAwait(false));
        if (limits.Problem is { } problem)
        {
            await RefuseAsync(context, problem).ConfigureAwait(false);
            return;
        }

        risk.SetLimits(limits.Value!.OrderLimitUsd, limits.Value.DailyLimitUsd);
        LogLimits(logger, limits.Value!.OrderLimitUsd, limits.Value.DailyLimitUsd);
        await WriteStatusAsync(context).ConfigureAwait(false);
    }

    private Task WriteStatusAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status200OK, OperatorStatus.Read(risk, database) with { Role = role() });

    private async Task RefuseAsync(HttpContext context, string problem)
    {
        LogInvalid(logger, context.Request.Method, context.Request.Path.Value ?? "/", problem);
        await WriteAsync(context, StatusCodes.Status400BadRequest, new OperatorError(problem)).ConfigureAwait(false);
    }

    private static async Task<string> BodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteAsync<T>(HttpContext context, int statusCode, T body)
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(body, Json, context.RequestAborted);
    }

    /// <summary>Who engages and resets the kill switch over the API: the token names no person.</summary>
    public const string By = "an operator";

    public const string NotEngaged = "the kill switch is not engaged: nothing to reset";

    public const string Standby = "this instance is the standby: send the command to the active one";

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator API listening on {Address}")]
    private static partial void LogListening(ILogger logger, Uri address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator API refused {Method} {Path}: {Problem}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator API: {Method} {Path} is not a valid command: {Problem}")]
    private static partial void LogInvalid(ILogger logger, string method, string path, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kill switch engaged by an operator over the API: {Reason}")]
    private static partial void LogEngaged(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kill switch reset by an operator over the API")]
    private static partial void LogReset(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Limits set by an operator over the API: order limit {OrderLimitUsd}, daily limit {DailyLimitUsd} (unchanged where empty)")]
    private static partial void LogLimits(ILogger logger, decimal? orderLimitUsd, decimal? dailyLimitUsd);
}

/// <summary>The body of a refusal: what is wrong, in words.</summary>
public sealed record OperatorError(string Error);
