using Reqnroll;

namespace TradingBot.Acceptance.Support.Parameters;

/// <summary>Step parameters of the chain: <c>{tx}</c> is a transaction hash in shorthand, 0xabc1.</summary>
[Binding]
public static class ChainParameters
{
    [StepArgumentTransformation(@"(0x[0-9A-Za-z]+)", Name = "tx")]
    public static TransactionHash ToTransactionHash(string shorthand) => new(shorthand);
}
