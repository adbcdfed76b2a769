using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>What reading the broker account came to.</summary>
public abstract record AccountProbeResult
{
    private AccountProbeResult() { }

    /// <summary>The account trades; <paramref name="Cash"/> is absent when the broker did not say.</summary>
    public sealed record Active(Usd? Cash) : AccountProbeResult;

    /// <summary>The broker knows the account but it may not trade (<c>AccountNotActive</c>).</summary>
    public sealed record NotActive(string Status) : AccountProbeResult;

    /// <summary>The account could not be read.</summary>
    public sealed record Failed(BrokerFailure Failure) : AccountProbeResult;
}
