namespace TradingBot.Acceptance.Domain.UsdcRebalances;

/// <summary>How a withdrawal or deposit is found again: an Alpaca transfer id or an on-chain transaction.</summary>
public abstract record TransferRef
{
    private TransferRef() { }

    public sealed record AlpacaId(Guid TransferId) : TransferRef;

    public sealed record OnchainTx(string TxHash) : TransferRef;
}
