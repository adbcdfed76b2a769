using Nethereum.ABI.FunctionEncoding;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.Chain.Abi;

namespace TradingBot.Acceptance.Support.Chain;

/// <summary>
/// Builds the orderbook's events the way the contract emits them and ABI-encodes them with Nethereum into log
/// <c>data</c>, from the same DTOs the bot decodes with.
/// </summary>
public static class OrderbookLogEncoder
{
    public static string Data<TEvent>(TEvent payload)
        where TEvent : class =>
        HexQuantity.Data(new ParametersEncoder().EncodeParametersFromTypeAttributes(typeof(TEvent), payload));

    /// <summary>An order of <paramref name="owner"/> that receives <paramref name="input"/> and gives <paramref name="output"/> (index 0 each).</summary>
    public static OrderV4 Order(string owner, string input, string output, byte vault = 1) => new()
    {
        Owner = owner,
        Evaluable = new EvaluableV4 { Interpreter = Address(0xa1), Store = Address(0xa2), Bytecode = [0x01, 0x02] },
        ValidInputs = [new IoV2 { Token = input, VaultId = Word(vault) }],
        ValidOutputs = [new IoV2 { Token = output, VaultId = Word(vault) }],
        Nonce = Word(0x42),
    };

    /// <summary>A taker took <paramref name="order"/>: it received <paramref name="takerInput"/> (the order's output) and paid <paramref name="takerOutput"/>.</summary>
    public static TakeOrderV3Event TakeOrder(OrderV4 order, decimal takerInput, decimal takerOutput) => new()
    {
        Sender = Address(0x77),
        Config = new TakeOrderConfigV4 { Order = order, InputIoIndex = 0, OutputIoIndex = 0 },
        Input = RainFloat.FromDecimal(takerInput).ToWord(),
        Output = RainFloat.FromDecimal(takerOutput).ToWord(),
    };

    public static ClearV3Event Clear(OrderV4 alice, OrderV4 bob) => new() { Sender = Address(0x11), Alice = alice, Bob = bob, ClearConfig = new ClearConfigV2() };

    public static AfterClearV2Event AfterClear(decimal aliceOutput, decimal bobOutput, decimal aliceInput, decimal bobInput) => new()
    {
        Sender = Address(0x11),
        ClearStateChange = new ClearStateChangeV2
        {
            AliceOutput = RainFloat.FromDecimal(aliceOutput).ToWord(),
            BobOutput = RainFloat.FromDecimal(bobOutput).ToWord(),
            AliceInput = RainFloat.FromDecimal(aliceInput).ToWord(),
            BobInput = RainFloat.FromDecimal(bobInput).ToWord(),
        },
    };

    /// <summary>A 20-byte address ending in <paramref name="last"/>, e.g. <c>0x…0077</c>.</summary>
    public static string Address(int last) => "0x" + last.ToString("x40", System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Word(byte last)
    {
        var word = new byte[32];
        word[31] = last;
        return word;
    }
}
