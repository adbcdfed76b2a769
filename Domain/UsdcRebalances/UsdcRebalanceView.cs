using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Rebalancing.Persistence;
using State = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalance;

namespace TradingBot.Acceptance.Domain.UsdcRebalances;

/// <summary>The <c>usdc_rebalance_view</c> row: the state's name (the generated <c>status</c>) and what is known.</summary>
public static class UsdcRebalanceView
{
    public const string Table = "usdc_rebalance_view";

    public static JsonObject ToJson(State move)
    {
        var facts = UsdcRebalanceDecider.FactsOf(move);
        var view = new JsonObject { ["status"] = move.GetType().Name };
        if (facts is null)
            return view;
        view["direction"] = facts.Direction.ToString();
        view["amount"] = PayloadJson.Amount(facts.Amount.Value);
        view["order_id"] = facts.OrderId?.ToString();
        view["filled_amount"] = facts.FilledAmount is { } filled ? PayloadJson.Amount(filled.Value) : null;
        view["burn_tx_hash"] = facts.BurnTxHash;
        view["cctp_nonce"] = facts.CctpNonce;
        view["mint_tx_hash"] = facts.MintTxHash;
        view["amount_received"] = facts.AmountReceived is { } received ? PayloadJson.Amount(received.Value) : null;
        view["fee_collected"] = facts.FeeCollected is { } fee ? PayloadJson.Amount(fee.Value) : null;
        view["reason"] = move switch
        {
            State.ConversionFailed failed => failed.Reason,
            State.WithdrawalFailed failed => failed.Reason,
            State.BridgingFailed failed => failed.Reason,
            State.DepositFailed failed => failed.Reason,
            State.ConversionFailedAfterDeposit failed => failed.Reason,
            _ => null,
        };
        return view;
    }
}
