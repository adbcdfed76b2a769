using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Persistence;
using static TradingBot.Acceptance.Domain.Rebalancing.Persistence.PayloadJson;
using Event = TradingBot.Acceptance.Domain.TokenizedEquityMints.TokenizedEquityMintEvent;

namespace TradingBot.Acceptance.Domain.TokenizedEquityMints;

/// <summary>Stored names and snake_case payloads of the mint events (version 1.0).</summary>
public sealed class TokenizedEquityMintEventCodec : IEventCodec<Event>
{
    public string Name(Event domainEvent) => domainEvent switch
    {
        Event.MintRequested => "MintRequested",
        Event.MintRejected => "MintRejected",
        Event.MintAccepted => "MintAccepted",
        Event.MintAcceptanceFailed => "MintAcceptanceFailed",
        Event.TokensReceived => "TokensReceived",
        Event.MintCompleted => "MintCompleted",
        Event.RaindexDepositFailed => "RaindexDepositFailed",
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown mint event"),
    };

    public string Serialize(Event domainEvent) => Tagged(Name(domainEvent), domainEvent switch
    {
        Event.MintRequested e => new JsonObject
        {
            ["symbol"] = e.Symbol.Value,
            ["quantity"] = Amount(e.Quantity.Value),
            ["wallet"] = e.Wallet,
            ["requested_at"] = Time(e.RequestedAt),
        },
        Event.MintRejected e => new JsonObject { ["reason"] = e.Reason, ["rejected_at"] = Time(e.RejectedAt) },
        Event.MintAccepted e => new JsonObject
        {
            ["issuer_request_id"] = e.IssuerRequestId,
            ["tokenization_request_id"] = e.TokenizationRequestId,
            ["accepted_at"] = Time(e.AcceptedAt),
        },
        Event.MintAcceptanceFailed e => new JsonObject { ["reason"] = e.Reason, ["failed_at"] = Time(e.FailedAt) },
        Event.TokensReceived e => new JsonObject
        {
            ["tx_hash"] = e.TxHash,
            ["receipt_id"] = e.ReceiptId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["shares_minted"] = e.SharesMinted.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["received_at"] = Time(e.ReceivedAt),
        },
        Event.MintCompleted e => new JsonObject
        {
            ["vault_deposit_tx_hash"] = e.VaultDepositTxHash,
            ["completed_at"] = Time(e.CompletedAt),
        },
        Event.RaindexDepositFailed e => new JsonObject { ["reason"] = e.Reason, ["failed_at"] = Time(e.FailedAt) },
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown mint event"),
    });

    public Event Deserialize(string payload)
    {
        var (name, f) = Untag(payload);
        return name switch
        {
            "MintRequested" => new Event.MintRequested(
                new Symbol(Text(f, "symbol")), new FractionalShares(ReadDecimal(f, "quantity")), Text(f, "wallet"),
                ReadTime(f, "requested_at")),
            "MintRejected" => new Event.MintRejected(Text(f, "reason"), ReadTime(f, "rejected_at")),
            "MintAccepted" => new Event.MintAccepted(
                Text(f, "issuer_request_id"), Text(f, "tokenization_request_id"), ReadTime(f, "accepted_at")),
            "MintAcceptanceFailed" => new Event.MintAcceptanceFailed(Text(f, "reason"), ReadTime(f, "failed_at")),
            "TokensReceived" => new Event.TokensReceived(
                Text(f, "tx_hash"), ReadUnits(f, "receipt_id"), ReadUnits(f, "shares_minted"), ReadTime(f, "received_at")),
            "MintCompleted" => new Event.MintCompleted(Text(f, "vault_deposit_tx_hash"), ReadTime(f, "completed_at")),
            "RaindexDepositFailed" => new Event.RaindexDepositFailed(Text(f, "reason"), ReadTime(f, "failed_at")),
            _ => throw new InvalidOperationException($"Corrupt event payload: unknown mint event '{name}'"),
        };
    }
}
