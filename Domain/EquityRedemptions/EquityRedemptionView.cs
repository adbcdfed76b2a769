using System.Text.Json.Nodes;
using TradingBot.Acceptance.Domain.Rebalancing.Persistence;
using State = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemption;

namespace TradingBot.Acceptance.Domain.EquityRedemptions;

/// <summary>The <c>equity_redemption_view</c> row: the state's name (the generated <c>status</c>) and its terms.</summary>
public static class EquityRedemptionView
{
    public const string Table = "equity_redemption_view";

    public static JsonObject ToJson(State redemption)
    {
        var view = new JsonObject { ["status"] = redemption.GetType().Name };
        if (EquityRedemptionDecider.TermsOf(redemption) is not { } terms)
            return view;
        view["symbol"] = terms.Symbol.Value;
        view["quantity"] = PayloadJson.Amount(terms.Quantity.Value);
        view["redemption_wallet"] = terms.RedemptionWallet;
        view["tx_hash"] = terms.TxHash;
        view["tokenization_request_id"] = redemption switch
        {
            State.Detected detected => detected.TokenizationRequestId,
            State.Completed completed => completed.TokenizationRequestId,
            State.Rejected rejected => rejected.TokenizationRequestId,
            _ => null,
        };
        view["reason"] = redemption switch
        {
            State.DetectionFailed failed => failed.Reason,
            State.Rejected rejected => rejected.Reason,
            _ => null,
        };
        return view;
    }
}
