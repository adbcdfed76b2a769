namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// The node failed to answer (transport lost, error object, garbage, a missing companion log): transient, so the
/// log is retried later and nothing is recorded for it.
/// </summary>
public sealed class ChainRpcException : Exception
{
    public ChainRpcException()
    {
    }

    public ChainRpcException(string message)
        : base(message)
    {
    }

    public ChainRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The node answered with a JSON-RPC error object (it understood the request and refused it).</summary>
    public int? ErrorCode { get; init; }
}
