using System.Globalization;
using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Persistence;
using static TradingBot.Acceptance.Domain.Rebalancing.Persistence.PayloadJson;
using Event = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceEvent;

namespace TradingBot.Acceptance.Domain.UsdcRebalances;

/// <summary>Stored names and snake_case payloads of the USDC move events (version 1.0).</summary>
public sealed class UsdcRebalanceEventCodec : IEventCodec<Event>
{
    public string Name(Event domainEvent) => domainEvent switch
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

    public string Serialize(Event domainEvent) => Tagged(Name(domainEvent), domainEvent switch
    {
        Event.ConversionInitiated e => new JsonObject
        {
            ["direction"] = e.Direction.ToString(),
            ["amount"] = Amount(e.Amount.Value),
            ["order_id"] = e.OrderId.ToString(),
            ["initiated_at"] = Time(e.InitiatedAt),
        },
        Event.ConversionConfirmed e => new JsonObject
        {
            ["direction"] = e.Direction.ToString(),
            ["filled_amount"] = Amount(e.FilledAmount.Value),
            ["converted_at"] = Time(e.ConvertedAt),
        },
        Event.ConversionFailed e => new JsonObject { ["reason"] = e.Reason, ["failed_at"] = Time(e.FailedAt) },
        Event.Initiated e => new JsonObject
        {
            ["direction"] = e.Direction.ToString(),
            ["amount"] = Amount(e.Amount.Value),
            ["withdrawal_ref"] = Reference(e.WithdrawalRef),
            ["initiated_at"] = Time(e.InitiatedAt),
        },
        Event.WithdrawalConfirmed e => new JsonObject { ["confirmed_at"] = Time(e.ConfirmedAt) },
        Event.WithdrawalFailed e => new JsonObject { ["reason"] = e.Reason, ["failed_at"] = Time(e.FailedAt) },
        Event.BridgingInitiated e => new JsonObject { ["burn_tx_hash"] = e.BurnTxHash, ["burned_at"] = Time(e.BurnedAt) },
        Event.BridgeAttestationReceived e => new JsonObject
        {
            ["attestation"] = e.Attestation,
            ["cctp_nonce"] = e.CctpNonce,
            ["attested_at"] = Time(e.AttestedAt),
        },
        Event.Bridged e => new JsonObject
        {
            ["mint_tx_hash"] = e.MintTxHash,
            ["amount_received"] = Amount(e.AmountReceived.Value),
            ["fee_collected"] = Amount(e.FeeCollected.Value),
            ["minted_at"] = Time(e.MintedAt),
        },
        Event.BridgingFailed e => new JsonObject
        {
            ["burn_tx_hash"] = e.BurnTxHash,
            ["cctp_nonce"] = e.CctpNonce,
            ["reason"] = e.Reason,
            ["failed_at"] = Time(e.FailedAt),
        },
        Event.DepositInitiated e => new JsonObject
        {
            ["deposit_ref"] = Reference(e.DepositRef),
            ["deposit_initiated_at"] = Time(e.DepositInitiatedAt),
        },
        Event.DepositConfirmed e => new JsonObject
        {
            ["direction"] = e.Direction.ToString(),
            ["deposit_confirmed_at"] = Time(e.DepositConfirmedAt),
        },
        Event.DepositFailed e => new JsonObject
        {
            ["deposit_ref"] = e.DepositRef is null ? null : Reference(e.DepositRef),
            ["reason"] = e.Reason,
            ["failed_at"] = Time(e.FailedAt),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(domainEvent), domainEvent, "Unknown USDC move event"),
    });

    public Event Deserialize(string payload)
    {
        var (name, f) = Untag(payload);
        return name switch
        {
            "ConversionInitiated" => new Event.ConversionInitiated(
                Direction(f), Usd(f, "amount"), Guid.Parse(Text(f, "order_id"), CultureInfo.InvariantCulture), ReadTime(f, "initiated_at")),
            "ConversionConfirmed" => new Event.ConversionConfirmed(Direction(f), Usd(f, "filled_amount"), ReadTime(f, "converted_at")),
            "ConversionFailed" => new Event.ConversionFailed(Text(f, "reason"), ReadTime(f, "failed_at")),
            "Initiated" => new Event.Initiated(
                Direction(f), Usd(f, "amount"), ReadReference(f["withdrawal_ref"])!, ReadTime(f, "initiated_at")),
            "WithdrawalConfirmed" => new Event.WithdrawalConfirmed(ReadTime(f, "confirmed_at")),
            "WithdrawalFailed" => new Event.WithdrawalFailed(Text(f, "reason"), ReadTime(f, "failed_at")),
            "BridgingInitiated" => new Event.BridgingInitiated(Text(f, "burn_tx_hash"), ReadTime(f, "burned_at")),
            "BridgeAttestationReceived" => new Event.BridgeAttestationReceived(
                Text(f, "attestation"), Text(f, "cctp_nonce"), ReadTime(f, "attested_at")),
            "Bridged" => new Event.Bridged(
                Text(f, "mint_tx_hash"), Usd(f, "amount_received"), Usd(f, "fee_collected"), ReadTime(f, "minted_at")),
            "BridgingFailed" => new Event.BridgingFailed(
                OptionalText(f, "burn_tx_hash"), OptionalText(f, "cctp_nonce"), Text(f, "reason"), ReadTime(f, "failed_at")),
            "DepositInitiated" => new Event.DepositInitiated(ReadReference(f["deposit_ref"])!, ReadTime(f, "deposit_initiated_at")),
            "DepositConfirmed" => new Event.DepositConfirmed(Direction(f), ReadTime(f, "deposit_confirmed_at")),
            "DepositFailed" => new Event.DepositFailed(ReadReference(f["deposit_ref"]), Text(f, "reason"), ReadTime(f, "failed_at")),
            _ => throw new InvalidOperationException($"Corrupt event payload: unknown USDC move event '{name}'"),
        };
    }

    private static JsonObject Reference(TransferRef reference) => reference switch
    {
        TransferRef.AlpacaId alpaca => new JsonObject { ["AlpacaId"] = alpaca.TransferId.ToString() },
        TransferRef.OnchainTx onchain => new JsonObject { ["OnchainTx"] = onchain.TxHash },
        _ => throw new ArgumentOutOfRangeException(nameof(reference), reference, "Unknown transfer reference"),
    };

    private static TransferRef? ReadReference(JsonNode? node) => node switch
    {
        null => null,
        JsonObject { Count: 1 } tagged when tagged["AlpacaId"] is { } id =>
            new TransferRef.AlpacaId(Guid.Parse(id.GetValue<string>(), CultureInfo.InvariantCulture)),
        JsonObject { Count: 1 } tagged when tagged["OnchainTx"] is { } tx => new TransferRef.OnchainTx(tx.GetValue<string>()),
        _ => throw new InvalidOperationException($"Corrupt event payload: unknown transfer reference {node.ToJsonString()}"),
    };

    private static RebalanceDirection Direction(JsonObject fields) => Enum.Parse<RebalanceDirection>(Text(fields, "direction"));

    private static Usd Usd(JsonObject fields, string name) => new(ReadDecimal(fields, name));
}
