namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// The node connection the chain reader has open right now, for the parts that call the node while reading a log
/// (symbols, companion logs, timestamps). Between connections every call fails as a transient node failure.
/// </summary>
public sealed class ChainConnection : IChainRpc
{
    private volatile IChainRpc? current;

    public void Use(IChainRpc? connection) => current = connection;

    /// <summary>Whether a connection is in use.</summary>
    public bool IsOpen => current is not null;

    /// <summary>The notifications the node has pushed on the connection in use so far, or null without one.</summary>
    public long? PushesReceived => (current as WebSocketJsonRpc)?.PushesReceived;

    public Task<long> BlockNumberAsync(CancellationToken cancellation) => Current.BlockNumberAsync(cancellation);

    public Task<IReadOnlyList<ChainLog>> GetLogsAsync(LogFilter filter, CancellationToken cancellation) => Current.GetLogsAsync(filter, cancellation);

    public Task<byte[]> CallAsync(string contract, byte[] data, CancellationToken cancellation) => Current.CallAsync(contract, data, cancellation);

    public Task<long?> BlockTimestampAsync(long blockNumber, CancellationToken cancellation) => Current.BlockTimestampAsync(blockNumber, cancellation);

    public Task<IReadOnlyList<ChainLog>?> ReceiptLogsAsync(string transactionHash, CancellationToken cancellation) =>
        Current.ReceiptLogsAsync(transactionHash, cancellation);

    private IChainRpc Current => current ?? throw new ChainRpcException("not connected to the node");
}
