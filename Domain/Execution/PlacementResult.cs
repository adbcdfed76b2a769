namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>What placing a market order came to.</summary>
public abstract record PlacementResult
{
    private PlacementResult() { }

    /// <summary>The broker took the order.</summary>
    public sealed record Accepted(BrokerOrderId OrderId) : PlacementResult;

    /// <summary>The broker certainly did not take the order.</summary>
    public sealed record Rejected(BrokerFailure Failure) : PlacementResult;

    /// <summary>The order may or may not have reached the broker: look it up by client order id.</summary>
    public sealed record Unknown(BrokerFailure Failure) : PlacementResult;
}
