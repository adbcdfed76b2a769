using System.Globalization;
using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using Event = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceEvent;

namespace TradingBot.Acceptance.Domain.UsdcRebalances;

/// <summary>Stored names and snake_case payloads of the USDC move events (version 1.0).</summary>
public sealed class UsdcRebalanceEventCodec : EventCodec<Event>
{
    public UsdcRebalanceEventCodec()
    {
        Add<Event.ConversionInitiated>("ConversionInitiated",
            (writer, e) =>
            {
                WriteMove(writer, e.Direction, "amount", e.Amount);
                writer.WriteString("order_id", e.OrderId.ToString());
                writer.WriteTimestamp("initiated_at", e.InitiatedAt);
            },
            body => new(Direction(body), Usd(body, "amount"), Guid.Parse(body.GetText("order_id"), CultureInfo.InvariantCulture), body.GetTimestamp("initiated_at")));
        Add<Event.ConversionConfirmed>("ConversionConfirmed",
            (writer, e) =>
            {
                WriteMove(writer, e.Direction, "filled_amount", e.FilledAmount);
                writer.WriteTimestamp("converted_at", e.ConvertedAt);
            },
            body => new(Direction(body), Usd(body, "filled_amount"), body.GetTimestamp("converted_at")));
        Add<Event.ConversionFailed>("ConversionFailed",
            (writer, e) => writer.WriteReason(e.Reason, "failed_at", e.FailedAt),
            body => new(body.GetText("reason"), body.GetTimestamp("failed_at")));
        Add<Event.Initiated>("Initiated",
            (writer, e) =>
            {
                WriteMove(writer, e.Direction, "amount", e.Amount);
                WriteReference(writer, "withdrawal_ref", e.WithdrawalRef);
                writer.WriteTimestamp("initiated_at", e.InitiatedAt);
            },
            body => new(Direction(body), Usd(body, "amount"), RequiredReference(body, "withdrawal_ref"), body.GetTimestamp("initiated_at")));
        Add<Event.WithdrawalConfirmed>("WithdrawalConfirmed",
            (writer, e) => writer.WriteTimestamp("confirmed_at", e.ConfirmedAt),
            body => new(body.GetTimestamp("confirmed_at")));
        Add<Event.WithdrawalFailed>("WithdrawalFailed",
            (writer, e) => writer.WriteReason(e.Reason, "failed_at", e.FailedAt),
            body => new(body.GetText("reason"), body.GetTimestamp("failed_at")));
        AddBridging();
        AddDeposit();
    }

    private void AddBridging()
    {
        Add<Event.BridgingInitiated>("BridgingInitiated",
            (writer, e) =>
            {
                writer.WriteString("burn_tx_hash", e.BurnTxHash);
                writer.WriteTimestamp("burned_at", e.BurnedAt);
            },
            body => new(body.GetText("burn_tx_hash"), body.GetTimestamp("burned_at")));
        Add<Event.BridgeAttestationReceived>("BridgeAttestationReceived",
            (writer, e) =>
            {
                writer.WriteString("attestation", e.Attestation);
                writer.WriteString("cctp_nonce", e.CctpNonce);
                writer.WriteTimestamp("attested_at", e.AttestedAt);
            },
            body => new(body.GetText("attestation"), body.GetText("cctp_nonce"), body.GetTimestamp("attested_at")));
        Add<Event.Bridged>("Bridged",
            (writer, e) =>
            {
                writer.WriteString("mint_tx_hash", e.MintTxHash);
                writer.WriteDecimal("amount_received", e.AmountReceived.Value);
                writer.WriteDecimal("fee_collected", e.FeeCollected.Value);
                writer.WriteTimestamp("minted_at", e.MintedAt);
            },
            body => new(body.GetText("mint_tx_hash"), Usd(body, "amount_received"), Usd(body, "fee_collected"), body.GetTimestamp("minted_at")));
        Add<Event.BridgingFailed>("BridgingFailed",
            (writer, e) =>
            {
                writer.WriteString("burn_tx_hash", e.BurnTxHash);
                writer.WriteString("cctp_nonce", e.CctpNonce);
                writer.WriteReason(e.Reason, "failed_at", e.FailedAt);
            },
            body => new(body.GetOptionalText("burn_tx_hash"), body.GetOptionalText("cctp_nonce"), body.GetText("reason"), body.GetTimestamp("failed_at")));
    }

    private void AddDeposit()
    {
        Add<Event.DepositInitiated>("DepositInitiated",
            (writer, e) =>
            {
                WriteReference(writer, "deposit_ref", e.DepositRef);
                writer.WriteTimestamp("deposit_initiated_at", e.DepositInitiatedAt);
            },
            body => new(RequiredReference(body, "deposit_ref"), body.GetTimestamp("deposit_initiated_at")));
        Add<Event.DepositConfirmed>("DepositConfirmed",
            (writer, e) =>
            {
                writer.WriteEnum("direction", e.Direction);
                writer.WriteTimestamp("deposit_confirmed_at", e.DepositConfirmedAt);
            },
            body => new(Direction(body), body.GetTimestamp("deposit_confirmed_at")));
        Add<Event.DepositFailed>("DepositFailed",
            (writer, e) =>
            {
                WriteReference(writer, "deposit_ref", e.DepositRef);
                writer.WriteReason(e.Reason, "failed_at", e.FailedAt);
            },
            body => new(ReadReference(body, "deposit_ref"), body.GetText("reason"), body.GetTimestamp("failed_at")));
    }

    private static void WriteMove(Utf8JsonWriter writer, RebalanceDirection direction, string amountName, Usd amount)
    {
        writer.WriteEnum("direction", direction);
        writer.WriteDecimal(amountName, amount.Value);
    }

    // Externally tagged like the events: {"AlpacaId":"…"} or {"OnchainTx":"0x…"}; null for none.
    private static void WriteReference(Utf8JsonWriter writer, string name, TransferRef? reference)
    {
        switch (reference)
        {
            case null:
                writer.WriteNull(name);
                return;
            case TransferRef.AlpacaId alpaca:
                writer.WriteStartObject(name);
                writer.WriteString("AlpacaId", alpaca.TransferId.ToString());
                break;
            case TransferRef.OnchainTx onchain:
                writer.WriteStartObject(name);
                writer.WriteString("OnchainTx", onchain.TxHash);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reference), reference, "Unknown transfer reference");
        }

        writer.WriteEndObject();
    }

    private static TransferRef RequiredReference(JsonElement body, string name) =>
        ReadReference(body, name) ?? throw new JsonException($"Field '{name}' is missing or null.");

    private static TransferRef? ReadReference(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null
            ? null
            : field.GetOptionalText("AlpacaId") is { } id ? new TransferRef.AlpacaId(Guid.Parse(id, CultureInfo.InvariantCulture))
            : field.GetOptionalText("OnchainTx") is { } tx ? new TransferRef.OnchainTx(tx)
            : throw new JsonException($"Field '{name}' is not a transfer reference: {field.GetRawText()}");

    private static RebalanceDirection Direction(JsonElement body) => body.GetEnum<RebalanceDirection>("direction");

    private static Usd Usd(JsonElement body, string name) => new(body.GetDecimal(name));
}
