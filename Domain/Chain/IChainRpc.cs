namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// The Ethereum JSON-RPC methods the bot reads fills with (DOMAIN §12.5). Every method throws
/// <see cref="ChainRpcException"/> when the node fails or answers something that is not an answer.
/// </summary>
public interface IChainRpc
{
    /// <summary><c>eth_blockNumber</c>: the node's tip.</summary>
    Task<long> BlockNumberAsync(CancellationToken cancellation);

    /// <summary><c>eth_getLogs</c>.</summary>
    Task<IReadOnlyList<ChainLog>> GetLogsAsync(LogFilter filter, CancellationToken cancellation);

    /// <summary><c>eth_call</c> at <c>latest</c>: the returned bytes.</summary>
    Task<byte[]> CallAsync(string contract, byte[] data, CancellationToken cancellation);

    /// <summary><c>eth_getBlockByNumber(block, false).timestamp</c> in Unix seconds; null when the node has no such block.</summary>
    Task<long?> BlockTimestampAsync(long blockNumber, CancellationToken cancellation);

    /// <summary>The logs of <c>eth_getTransactionReceipt</c>; null when the node has no receipt.</summary>
    Task<IReadOnlyList<ChainLog>?> ReceiptLogsAsync(string transactionHash, CancellationToken cancellation);
}
