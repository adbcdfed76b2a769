using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using State = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalance;

namespace TradingBot.Acceptance.Domain.UsdcRebalances;

/// <summary>The <c>usdc_rebalance_view</c> row: the state's name (the generated <c>status</c>) and what is known.</summary>
public static class UsdcRebalanceView
{
    public const string Table = "usdc_rebalance_view";

    public static void Write(Utf8JsonWriter writer, State move)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("status", move.GetType().Name);
        if (UsdcRebalanceDecider.FactsOf(move) is { } facts)
        {
            writer.WriteEnum("direction", facts.Direction);
            writer.WriteDecimal("amount", facts.Amount.Value);
            writer.WriteString("order_id", facts.OrderId?.ToString());
            writer.WriteOptionalDecimal("filled_amount", facts.FilledAmount?.Value);
            writer.WriteString("burn_tx_hash", facts.BurnTxHash);
            writer.WriteString("cctp_nonce", facts.CctpNonce);
            writer.WriteString("mint_tx_hash", facts.MintTxHash);
            writer.WriteOptionalDecimal("amount_received", facts.AmountReceived?.Value);
            writer.WriteOptionalDecimal("fee_collected", facts.FeeCollected?.Value);
            writer.WriteString("reason", move switch
            {
                State.ConversionFailed failed => failed.Reason,
                State.WithdrawalFailed failed => failed.Reason,
                State.BridgingFailed failed => failed.Reason,
                State.DepositFailed failed => failed.Reason,
                State.ConversionFailedAfterDeposit failed => failed.Reason,
                _ => null,
            });
        }

        writer.WriteEndObject();
    }
}
