using System.Globalization;
using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using Event = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceEvent;

namespace TradingBot.Acceptance.Domain.UsdcRebalances;

/// <summary>Stored names and snake_case payloads of the USDC move events (version 1.0).</summary>
public sealed class UsdcRebalanceEventCodec : IEventCodec<Event>
{
    public string EventName(Event domainEvent) => domainEvent switch
    {
        Event.ConversionInitiated => "ConversionInitiated",
        Event.ConversionConfirmed => "ConversionConfirmed",
        Event.ConversionFailed => "ConversionFailed",
        Event.Initiated => "Initiated",
        Event.WithdrawalConfirmed => "WithdrawalConfirmed",
        Event.WithdrawalFailed => "WithdrawalFailed",
        Event.BridgingInitiated => "BridgingInitiated",
        Event.BridgeAttestationReceived => "BridgeAttestationReceived",
        Event.Bridged => "Bridged",
        Event.BridgingFailed => "BridgingFailed",
        Event.DepositInitiated => "DepositInitiated",
        Event.DepositConfirmed => "DepositConfirmed",
        Event.DepositFailed => "DepositFailed",
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown USDC move event"),
    };

    public void WriteEvent(Utf8JsonWriter writer, Event domainEvent)
    {
        writer.WriteStartObject();
        switch (domainEvent)
        {
            case Event.ConversionInitiated e:
                writer.WriteEnum("direction", e.Direction);
                writer.WriteDecimal("amount", e.Amount.Value);
                writer.WriteString("order_id", e.OrderId.ToString());
                writer.WriteTimestamp("initiated_at", e.InitiatedAt);
                break;
            case Event.ConversionConfirmed e:
                writer.WriteEnum("direction", e.Direction);
                writer.WriteDecimal("filled_amount", e.FilledAmount.Value);
                writer.WriteTimestamp("converted_at", e.ConvertedAt);
                break;
            case Event.Initiated e:
                writer.WriteEnum("direction", e.Direction);
                writer.WriteDecimal("amount", e.Amount.Value);
                WriteReference(writer, "withdrawal_ref", e.WithdrawalRef);
                writer.WriteTimestamp("initiated_at", e.InitiatedAt);
                break;
            case Event.WithdrawalConfirmed e:
                writer.WriteTimestamp("confirmed_at", e.ConfirmedAt);
                break;
            case Event.BridgingInitiated e:
                writer.WriteString("burn_tx_hash", e.BurnTxHash);
                writer.WriteTimestamp("burned_at", e.BurnedAt);
                break;
            case Event.BridgeAttestationReceived e:
                writer.WriteString("attestation", e.Attestation);
                writer.WriteString("cctp_nonce", e.CctpNonce);
                writer.WriteTimestamp("attested_at", e.AttestedAt);
                break;
            case Event.Bridged e:
                writer.WriteString("mint_tx_hash", e.MintTxHash);
                writer.WriteDecimal("amount_received", e.AmountReceived.Value);
                writer.WriteDecimal("fee_collected", e.FeeCollected.Value);
                writer.WriteTimestamp("minted_at", e.MintedAt);
                break;
            case Event.BridgingFailed e:
                writer.WriteString("burn_tx_hash", e.BurnTxHash);
                writer.WriteString("cctp_nonce", e.CctpNonce);
                WriteFailure(writer, e.Reason, e.FailedAt);
                break;
            case Event.DepositInitiated e:
                WriteReference(writer, "deposit_ref", e.DepositRef);
                writer.WriteTimestamp("deposit_initiated_at", e.DepositInitiatedAt);
                break;
            case Event.DepositConfirmed e:
                writer.WriteEnum("direction", e.Direction);
                writer.WriteTimestamp("deposit_confirmed_at", e.DepositConfirmedAt);
                break;
            case Event.DepositFailed e:
                WriteReference(writer, "deposit_ref", e.DepositRef);
                WriteFailure(writer, e.Reason, e.FailedAt);
                break;
            case Event.ConversionFailed e:
                WriteFailure(writer, e.Reason, e.FailedAt);
                break;
            case Event.WithdrawalFailed e:
                WriteFailure(writer, e.Reason, e.FailedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown USDC move event");
        }

        writer.WriteEndObject();
    }

    public Event ReadEvent(string name, JsonElement body) => name switch
    {
        "ConversionInitiated" => new Event.ConversionInitiated(
            Direction(body), Usd(body, "amount"), Guid.Parse(body.GetText("order_id"), CultureInfo.InvariantCulture), body.GetTimestamp("initiated_at")),
        "ConversionConfirmed" => new Event.ConversionConfirmed(Direction(body), Usd(body, "filled_amount"), body.GetTimestamp("converted_at")),
        "ConversionFailed" => new Event.ConversionFailed(body.GetText("reason"), body.GetTimestamp("failed_at")),
        "Initiated" => new Event.Initiated(
            Direction(body), Usd(body, "amount"), ReadReference(body, "withdrawal_ref")
                ?? throw new JsonException("Field 'withdrawal_ref' is missing or null."), body.GetTimestamp("initiated_at")),
        "WithdrawalConfirmed" => new Event.WithdrawalConfirmed(body.GetTimestamp("confirmed_at")),
        "WithdrawalFailed" => new Event.WithdrawalFailed(body.GetText("reason"), body.GetTimestamp("failed_at")),
        "BridgingInitiated" => new Event.BridgingInitiated(body.GetText("burn_tx_hash"), body.GetTimestamp("burned_at")),
        "BridgeAttestationReceived" => new Event.BridgeAttestationReceived(
            body.GetText("attestation"), body.GetText("cctp_nonce"), body.GetTimestamp("attested_at")),
        "Bridged" => new Event.Bridged(
            body.GetText("mint_tx_hash"), Usd(body, "amount_received"), Usd(body, "fee_collected"), body.GetTimestamp("minted_at")),
        "BridgingFailed" => new Event.BridgingFailed(
            body.GetOptionalText("burn_tx_hash"), body.GetOptionalText("cctp_nonce"), body.GetText("reason"), body.GetTimestamp("failed_at")),
        "DepositInitiated" => new Event.DepositInitiated(
            ReadReference(body, "deposit_ref") ?? throw new JsonException("Field 'deposit_ref' is missing or null."),
            body.GetTimestamp("deposit_initiated_at")),
        "DepositConfirmed" => new Event.DepositConfirmed(Direction(body), body.GetTimestamp("deposit_confirmed_at")),
        "DepositFailed" => new Event.DepositFailed(ReadReference(body, "deposit_ref"), body.GetText("reason"), body.GetTimestamp("failed_at")),
        _ => throw new JsonException($"Unknown USDC move event '{name}'."),
    };

    private static void WriteFailure(Utf8JsonWriter writer, string reason, DateTimeOffset failedAt)
    {
        writer.WriteString("reason", reason);
        writer.WriteTimestamp("failed_at", failedAt);
    }

    // Externally tagged like the events: {"AlpacaId":"…"} or {"OnchainTx":"0x…"}; null for none.
    private static void WriteReference(Utf8JsonWriter writer, string name, TransferRef? reference)
    {
        if (reference is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        switch (reference)
        {
            case TransferRef.AlpacaId alpaca:
                writer.WriteString("AlpacaId", alpaca.TransferId.ToString());
                break;
            case TransferRef.OnchainTx onchain:
                writer.WriteString("OnchainTx", onchain.TxHash);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reference), reference, "Unknown transfer reference");
        }

        writer.WriteEndObject();
    }

    private static TransferRef? ReadReference(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null
            ? null
            : field.GetOptionalText("AlpacaId") is { } id ? new TransferRef.AlpacaId(Guid.Parse(id, CultureInfo.InvariantCulture))
            : field.GetOptionalText("OnchainTx") is { } tx ? new TransferRef.OnchainTx(tx)
            : throw new JsonException($"Field '{name}' is not a transfer reference: {field.GetRawText()}");

    private static RebalanceDirection Direction(JsonElement body) => body.GetEnum<RebalanceDirection>("direction");

    private static Usd Usd(JsonElement body, string name) => new(body.GetDecimal(name));
}
