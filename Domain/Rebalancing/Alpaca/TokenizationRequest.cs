using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Rebalancing.Alpaca;

/// <summary>A mint or redeem request as Alpaca lists it; <see cref="TxHash"/> is null while Alpaca reports <c>""</c>.</summary>
public sealed record TokenizationRequest(
    string TokenizationRequestId,
    string Type,
    TokenizationRequestStatus Status,
    string UnderlyingSymbol,
    FractionalShares Quantity,
    string? IssuerRequestId,
    string? TxHash);
