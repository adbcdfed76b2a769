using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.EquityRedemptions;

public abstract record EquityRedemptionCommand
{
    private EquityRedemptionCommand() { }

    public sealed record SendTokens(Symbol Symbol, FractionalShares Quantity, string RedemptionWallet, string TxHash)
        : EquityRedemptionCommand;

    public sealed record Detect(string TokenizationRequestId) : EquityRedemptionCommand;

    public sealed record FailDetection(string Reason) : EquityRedemptionCommand;

    public sealed record Complete : EquityRedemptionCommand;

    public sealed record RejectRedemption(string Reason) : EquityRedemptionCommand;
}
