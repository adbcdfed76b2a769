namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>The answer to "does the broker know the order with this client order id?".</summary>
public abstract record ClientOrderLookup
{
    private ClientOrderLookup() { }

    public sealed record Found(BrokerOrderId OrderId) : ClientOrderLookup;

    /// <summary>The broker does not know the order: it was never placed.</summary>
    public sealed record NotFound : ClientOrderLookup;

    /// <summary>The lookup itself failed; try again later.</summary>
    public sealed record Failed(BrokerFailure Failure) : ClientOrderLookup;
}
