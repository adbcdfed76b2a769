using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>One mint or redeem request the tokenization simulator keeps; <see cref="TxHash"/> is the minted or sent tokens' transaction.</summary>
public sealed class TokenizationEntry(string id, string type, Symbol symbol, decimal quantity, string wallet, DateTimeOffset createdAt)
{
    public string Id { get; } = id;
    public string Type { get; } = type;
    public Symbol Symbol { get; } = symbol;
    public decimal Quantity { get; } = quantity;
    public string Wallet { get; } = wallet;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public string IssuerRequestId => "issuer-" + Id;
    public string? TxHash { get; set; }
    public string Status { get; set; } = "pending";
    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
}
