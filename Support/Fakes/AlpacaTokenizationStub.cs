using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// Alpaca's tokenization API on a WireMock server of its own, as a small model: each mint request is kept
/// with the symbol and quantity asked for and moves from pending to completed (or rejected) on the clock;
/// each tokenized equity the bot sends to the redemption wallet becomes a redeem request for that symbol
/// and quantity. Business steps choose how requests end and inject faults.
/// </summary>
public sealed class AlpacaTokenizationStub : IDisposable
{
    public const string AccountId = "tokenization-account";

    private readonly WireMockServer server = WireMockServer.Start();
    private readonly Lock gate = new();
    private readonly List<TokenizationEntry> entries = [];
    private readonly TimeProvider clock;
    private readonly OnchainPortsFake chain;
    private readonly string redemptionWallet;
    private (int Status, string Message)? refusal;
    private string mintOutcome = "completed";
    private TimeSpan mintDelay = TimeSpan.Zero;
    private string? redemptionOutcome = "completed";
    private decimal mintQuantityError;
    private Symbol? mintSymbolError;
    private decimal redemptionQuantityError;

    public AlpacaTokenizationStub(TimeProvider clock, OnchainPortsFake chain, string redemptionWallet)
    {
        this.clock = clock;
        this.chain = chain;
        this.redemptionWallet = redemptionWallet;
        server.Given(Request.Create().WithPath($"{Base}/mint").UsingPost()).RespondWith(Response.Create().WithCallback(RequestMint));
        server.Given(Request.Create().WithPath($"{Base}/requests").UsingGet()).RespondWith(Response.Create().WithCallback(List));
    }

    public Uri Url => new(server.Url!);

    private static string Base => $"/v1/accounts/{AccountId}/tokenization";

    /// <summary>Mint requests are accepted, then listed as completed with the minted tokens' transaction.</summary>
    public void AcceptsMintsAndCompletesThem() => AcceptsMintsAndCompletesThemAfter(TimeSpan.Zero);

    /// <summary>Mint requests are accepted and listed as pending until <paramref name="delay"/> has passed on the clock, then as completed.</summary>
    public void AcceptsMintsAndCompletesThemAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Configure(() => (refusal, mintOutcome, mintDelay) = (null, "completed", delay));
    }

    /// <summary>Mint requests are accepted, then listed as rejected while Alpaca processes them.</summary>
    public void AcceptsMintsAndRejectsThemWhileProcessing() => Configure(() => (refusal, mintOutcome) = (null, "rejected"));

    /// <summary>Mint requests are accepted but stay pending for ever.</summary>
    public void AcceptsMintsAndKeepsThemPending() => Configure(() => (refusal, mintOutcome) = (null, "pending"));

    /// <summary>Every mint request is refused with <paramref name="status"/> and the message.</summary>
    public void RejectsMints(int status, string message) => Configure(() => refusal = (status, message));

    /// <summary>Fault: Alpaca records each mint for <paramref name="difference"/> shares more than asked (negative: fewer).</summary>
    public void AnswersMintsWithAnotherQuantity(decimal difference) => Configure(() => mintQuantityError = difference);

    /// <summary>Fault: Alpaca records each mint under <paramref name="symbol"/>, whatever was asked.</summary>
    public void AnswersMintsWithAnotherSymbol(Symbol symbol) => Configure(() => mintSymbolError = symbol);

    /// <summary>Redeem requests are detected and listed with <paramref name="status"/> (completed or rejected).</summary>
    public void EndsRedemptions(string status) => Configure(() => redemptionOutcome = status);

    /// <summary>No redeem request is ever listed: the redemption is never detected.</summary>
    public void NeverDetectsRedemptions() => Configure(() => redemptionOutcome = null);

    /// <summary>Fault: Alpaca detects each redemption for <paramref name="difference"/> shares more than sent (negative: fewer).</summary>
    public void DetectsRedemptionsWithAnotherQuantity(decimal difference) => Configure(() => redemptionQuantityError = difference);

    /// <summary>Every look at the list of mint requests, in order.</summary>
    public IReadOnlyList<ReceivedRequest> MintListings() =>
        StubJournal.Received(server).Where(request => request.Method == "GET" && request.Path == $"{Base}/requests" && request.Query == "type=mint").ToList();

    public IReadOnlyList<ReceivedRequest> MintRequests() =>
        StubJournal.Received(server).Where(request => request.Method == "POST" && request.Path == $"{Base}/mint").ToList();

    /// <summary>The requests Alpaca keeps, as it would list them now.</summary>
    public IReadOnlyList<TokenizationEntry> Requests()
    {
        lock (gate)
            return [.. entries];
    }

    public IReadOnlyList<ReceivedRequest> Received() => StubJournal.Received(server);

    public void Dispose() => server.Stop();

    private void Configure(Action change)
    {
        lock (gate)
            change();
    }

    private ResponseMessage RequestMint(IRequestMessage request)
    {
        lock (gate)
        {
            if (refusal is { } refused)
                return StubResponses.Message(refused.Status, new JsonObject { ["code"] = refused.Status * 100_000, ["message"] = refused.Message });
            var body = JsonNode.Parse(request.Body ?? "{}") as JsonObject;
            if (body?["underlying_symbol"]?.GetValue<string>() is not { Length: > 0 } symbol
                || !decimal.TryParse(body["qty"]?.GetValue<string>(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity)
                || quantity <= 0m)
                return StubResponses.Message((int)System.Net.HttpStatusCode.UnprocessableEntity, new JsonObject { ["code"] = "invalid_parameters", ["message"] = "underlying_symbol and a qty above 0 are required" });
            var entry = new TokenizationEntry(
                $"mint-{entries.Count + 1}", "mint", mintSymbolError ?? new Symbol(symbol), TokenUnits.Normalize(quantity + mintQuantityError),
                body["wallet_address"]?.GetValue<string>() ?? "", clock.GetUtcNow());
            entries.Add(entry);
            return StubResponses.Message(200, Json(entry));
        }
    }

    private ResponseMessage List(IRequestMessage request)
    {
        var type = request.Query?.TryGetValue("type", out var values) == true ? values[0] : null;
        lock (gate)
        {
            DetectRedemptions();
            foreach (var entry in entries)
                Progress(entry);
            return StubResponses.Message(200, new JsonArray([.. entries.Where(entry => type is null || entry.Type == type).Select(Json)]));
        }
    }

    // Tokens that reached the redemption wallet become redeem requests, once Alpaca detects them.
    private void DetectRedemptions()
    {
        if (redemptionOutcome is null)
            return;
        foreach (var transfer in chain.Transfers.Where(transfer => transfer.Chain == CctpChain.Base
            && string.Equals(transfer.Recipient, redemptionWallet, StringComparison.OrdinalIgnoreCase)
            && !entries.Any(entry => entry.TxHash == transfer.TxHash)))
        {
            var symbol = chain.SymbolOf(transfer.Token) ?? throw new InvalidOperationException($"Alpaca knows no tokenized equity at {transfer.Token}.");
            var shares = (decimal)transfer.Units / (decimal)BigInteger.Pow(10, TokenUnits.EquityDecimals);
            entries.Add(new TokenizationEntry(
                $"redeem-{entries.Count + 1}", "redeem", symbol, TokenUnits.Normalize(shares + redemptionQuantityError), redemptionWallet, clock.GetUtcNow())
            { TxHash = transfer.TxHash });
        }
    }

    private void Progress(TokenizationEntry entry)
    {
        if (entry.Status != "pending")
            return;
        var outcome = entry.Type == "mint" ? mintOutcome : redemptionOutcome ?? "pending";
        if (outcome == "pending" || clock.GetUtcNow() < entry.CreatedAt + (entry.Type == "mint" ? mintDelay : TimeSpan.Zero))
            return;
        entry.Status = outcome;
        entry.UpdatedAt = clock.GetUtcNow();
        if (entry.Type == "mint" && outcome == "completed")
            entry.TxHash = chain.NextTx(ChainTransaction.Tokenization);
    }

    private static JsonObject Json(TokenizationEntry entry) => new()
    {
        ["tokenization_request_id"] = entry.Id,
        ["type"] = entry.Type,
        ["status"] = entry.Status,
        ["underlying_symbol"] = entry.Symbol.Value,
        ["token_symbol"] = entry.Symbol.TokenSymbol,
        ["qty"] = entry.Quantity.ToString(CultureInfo.InvariantCulture),
        ["issuer_request_id"] = entry.IssuerRequestId,
        ["tx_hash"] = entry.TxHash ?? "",
        ["wallet_address"] = entry.Wallet,
        ["created_at"] = entry.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["updated_at"] = entry.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };
}
