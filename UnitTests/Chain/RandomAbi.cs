using System.Numerics;
using TradingBot.Acceptance.Domain.Chain.Abi;

namespace TradingBot.Acceptance.UnitTests.Chain;

/// <summary>Random orderbook events of every shape the ABI allows: empty and long arrays, bytes of any length, any words.</summary>
internal static class RandomAbi
{
    public static TakeOrderV3Event TakeOrder(Random random) => new()
    {
        Sender = Address(random),
        Config = new TakeOrderConfigV4
        {
            Order = Order(random),
            InputIoIndex = Uint(random),
            OutputIoIndex = Uint(random),
            SignedContext = [.. Enumerable.Range(0, random.Next(3)).Select(_ => new SignedContextV1
            {
                Signer = Address(random),
                Context = [.. Enumerable.Range(0, random.Next(4)).Select(_ => Word(random))],
                Signature = Bytes(random, random.Next(100)),
            })],
        },
        Input = Word(random),
        Output = Word(random),
    };

    public static OrderV4 Order(Random random) => new()
    {
        Owner = Address(random),
        Evaluable = new EvaluableV4 { Interpreter = Address(random), Store = Address(random), Bytecode = Bytes(random, random.Next(70)) },
        ValidInputs = Ios(random),
        ValidOutputs = Ios(random),
        Nonce = Word(random),
    };

    public static ClearConfigV2 ClearConfig(Random random) => new()
    {
        AliceInputIoIndex = Uint(random),
        AliceOutputIoIndex = Uint(random),
        BobInputIoIndex = Uint(random),
        BobOutputIoIndex = Uint(random),
        AliceBountyVaultId = Word(random),
        BobBountyVaultId = Word(random),
    };

    public static AfterClearV2Event AfterClear(Random random) => new()
    {
        Sender = Address(random),
        ClearStateChange = new ClearStateChangeV2 { AliceOutput = Word(random), BobOutput = Word(random), AliceInput = Word(random), BobInput = Word(random) },
    };

    public static string Address(Random random) => "0x" + Convert.ToHexStringLower(Bytes(random, 20));

    private static List<IoV2> Ios(Random random) => [.. Enumerable.Range(0, random.Next(5)).Select(_ => new IoV2 { Token = Address(random), VaultId = Word(random) })];

    /// <summary>Small indices mostly (as real orders have), sometimes any 256-bit value.</summary>
    private static BigInteger Uint(Random random) => random.Next(4) == 0 ? new BigInteger(Word(random), isUnsigned: true, isBigEndian: true) : random.Next(8);

    private static byte[] Word(Random random) => Bytes(random, 32);

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
