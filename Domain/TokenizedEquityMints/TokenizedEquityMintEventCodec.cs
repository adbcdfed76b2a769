using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using Event = TradingBot.Acceptance.Domain.TokenizedEquityMints.TokenizedEquityMintEvent;

namespace TradingBot.Acceptance.Domain.TokenizedEquityMints;

/// <summary>Stored names and snake_case payloads of the mint events (version 1.0).</summary>
public sealed class TokenizedEquityMintEventCodec : IEventCodec<Event>
{
    public string EventName(Event domainEvent) => domainEvent switch
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

    public void WriteEvent(Utf8JsonWriter writer, Event domainEvent)
    {
        writer.WriteStartObject();
        switch (domainEvent)
        {
            case Event.MintRequested e:
                writer.WriteString("symbol", e.Symbol.Value);
                writer.WriteDecimal("quantity", e.Quantity.Value);
                writer.WriteString("wallet", e.Wallet);
                writer.WriteTimestamp("requested_at", e.RequestedAt);
                break;
            case Event.MintRejected e:
                writer.WriteString("reason", e.Reason);
                writer.WriteTimestamp("rejected_at", e.RejectedAt);
                break;
            case Event.MintAccepted e:
                writer.WriteString("issuer_request_id", e.IssuerRequestId);
                writer.WriteString("tokenization_request_id", e.TokenizationRequestId);
                writer.WriteTimestamp("accepted_at", e.AcceptedAt);
                break;
            case Event.MintAcceptanceFailed e:
                writer.WriteString("reason", e.Reason);
                writer.WriteTimestamp("failed_at", e.FailedAt);
                break;
            case Event.TokensReceived e:
                writer.WriteString("tx_hash", e.TxHash);
                writer.WriteUnits("receipt_id", e.ReceiptId);
                writer.WriteUnits("shares_minted", e.SharesMinted);
                writer.WriteTimestamp("received_at", e.ReceivedAt);
                break;
            case Event.MintCompleted e:
                writer.WriteString("vault_deposit_tx_hash", e.VaultDepositTxHash);
                writer.WriteTimestamp("completed_at", e.CompletedAt);
                break;
            case Event.RaindexDepositFailed e:
                writer.WriteString("reason", e.Reason);
                writer.WriteTimestamp("failed_at", e.FailedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown mint event");
        }

        writer.WriteEndObject();
    }

    public Event ReadEvent(string name, JsonElement body) => name switch
    {
        "MintRequested" => new Event.MintRequested(
            new Symbol(body.GetText("symbol")), new FractionalShares(body.GetDecimal("quantity")), body.GetText("wallet"),
            body.GetTimestamp("requested_at")),
        "MintRejected" => new Event.MintRejected(body.GetText("reason"), body.GetTimestamp("rejected_at")),
        "MintAccepted" => new Event.MintAccepted(
            body.GetText("issuer_request_id"), body.GetText("tokenization_request_id"), body.GetTimestamp("accepted_at")),
        "MintAcceptanceFailed" => new Event.MintAcceptanceFailed(body.GetText("reason"), body.GetTimestamp("failed_at")),
        "TokensReceived" => new Event.TokensReceived(
            body.GetText("tx_hash"), body.GetUnits("receipt_id"), body.GetUnits("shares_minted"), body.GetTimestamp("received_at")),
        "MintCompleted" => new Event.MintCompleted(body.GetText("vault_deposit_tx_hash"), body.GetTimestamp("completed_at")),
        "RaindexDepositFailed" => new Event.RaindexDepositFailed(body.GetText("reason"), body.GetTimestamp("failed_at")),
        _ => throw new JsonException($"Unknown mint event '{name}'."),
    };
}
