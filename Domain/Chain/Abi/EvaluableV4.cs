using Nethereum.ABI.FunctionEncoding.Attributes;

namespace TradingBot.Acceptance.Domain.Chain.Abi;

/// <summary><c>EvaluableV4 { address interpreter; address store; bytes bytecode; }</c> (interface types are addresses on the wire).</summary>
public sealed class EvaluableV4
{
    [Parameter("address", "interpreter", 1)]
    public string Interpreter { get; set; } = ChainAddress.Zero;

    [Parameter("address", "store", 2)]
    public string Store { get; set; } = ChainAddress.Zero;

    [Parameter("bytes", "bytecode", 3)]
    public byte[] Bytecode { get; set; } = [];
}
