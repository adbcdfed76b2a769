using System.Text.Json;
using TradingBot.Acceptance.Domain.EventSourcing;
using State = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemption;

namespace TradingBot.Acceptance.Domain.EquityRedemptions;

/// <summary>The <c>equity_redemption_view</c> row: the state's name (the generated <c>status</c>) and its terms.</summary>
public static class EquityRedemptionView
{
    public const string Table = "equity_redemption_view";

    public static void Write(Utf8JsonWriter writer, State redemption)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("status", redemption.GetType().Name);
        if (EquityRedemptionDecider.TermsOf(redemption) is { } terms)
        {
            writer.WriteString("symbol", terms.Symbol.Value);
            writer.WriteDecimal("quantity", terms.Quantity.Value);
            writer.WriteString("redemption_wallet", terms.RedemptionWallet);
            writer.WriteString("tx_hash", terms.TxHash);
            writer.WriteString("tokenization_request_id", redemption switch
            {
                State.Detected detected => detected.TokenizationRequestId,
                State.Completed completed => completed.TokenizationRequestId,
                State.Rejected rejected => rejected.TokenizationRequestId,
                _ => null,
            });
            writer.WriteString("reason", redemption switch
            {
                State.DetectionFailed failed => failed.Reason,
                State.Rejected rejected => rejected.Reason,
                _ => null,
            });
        }

        writer.WriteEndObject();
    }
}
