namespace TradingBot.Acceptance.Domain.Chain.Abi;

/// <summary>
/// Decodes the three orderbook events from the fixed layout of their ABI data, word by word, into the same DTOs
/// Nethereum fills by reflection (it stays the reference: the unit tests compare both on every worked example and
/// on random events). Offsets are relative to the start of the enclosing tuple or array body.
/// </summary>
public static class OrderbookAbi
{
    private const int W = AbiWords.Word;

    /// <summary><c>TakeOrderV3(address sender, TakeOrderConfigV4 config, Float input, Float output)</c>.</summary>
    public static TakeOrderV3Event DecodeTakeOrder(ReadOnlySpan<byte> data)
    {
        var words = new AbiWords(data);
        var config = words.Offset(W, 0);
        return new TakeOrderV3Event
        {
            Sender = words.Address(0),
            Config = new TakeOrderConfigV4
            {
                Order = Order(words, words.Offset(config, config)),
                InputIoIndex = words.Uint256(config + W),
                OutputIoIndex = words.Uint256(config + (2 * W)),
                SignedContext = SignedContexts(words, words.Offset(config + (3 * W), config)),
            },
            Input = words.Bytes32(2 * W),
            Output = words.Bytes32(3 * W),
        };
    }

    /// <summary><c>ClearV3(address sender, OrderV4 alice, OrderV4 bob, ClearConfigV2 clearConfig)</c>; the config is inline.</summary>
    public static ClearV3Event DecodeClear(ReadOnlySpan<byte> data)
    {
        var words = new AbiWords(data);
        return new ClearV3Event
        {
            Sender = words.Address(0),
            Alice = Order(words, words.Offset(W, 0)),
            Bob = Order(words, words.Offset(2 * W, 0)),
            ClearConfig = new ClearConfigV2
            {
                AliceInputIoIndex = words.Uint256(3 * W),
                AliceOutputIoIndex = words.Uint256(4 * W),
                BobInputIoIndex = words.Uint256(5 * W),
                BobOutputIoIndex = words.Uint256(6 * W),
                AliceBountyVaultId = words.Bytes32(7 * W),
                BobBountyVaultId = words.Bytes32(8 * W),
            },
        };
    }

    /// <summary><c>AfterClearV2(address sender, ClearStateChangeV2 clearStateChange)</c>: five static words.</summary>
    public static AfterClearV2Event DecodeAfterClear(ReadOnlySpan<byte> data)
    {
        var words = new AbiWords(data);
        return new AfterClearV2Event
        {
            Sender = words.Address(0),
            ClearStateChange = new ClearStateChangeV2
            {
                AliceOutput = words.Bytes32(W),
                BobOutput = words.Bytes32(2 * W),
                AliceInput = words.Bytes32(3 * W),
                BobInput = words.Bytes32(4 * W),
            },
        };
    }

    private static OrderV4 Order(AbiWords words, int at)
    {
        var evaluable = words.Offset(at + W, at);
        return new OrderV4
        {
            Owner = words.Address(at),
            Evaluable = new EvaluableV4
            {
                Interpreter = words.Address(evaluable),
                Store = words.Address(evaluable + W),
                Bytecode = words.Bytes(words.Offset(evaluable + (2 * W), evaluable)),
            },
            ValidInputs = Ios(words, words.Offset(at + (2 * W), at)),
            ValidOutputs = Ios(words, words.Offset(at + (3 * W), at)),
            Nonce = words.Bytes32(at + (4 * W)),
        };
    }

    /// <summary><c>IOV2[]</c>: a count, then two words (token, vault id) per entry.</summary>
    private static List<IoV2> Ios(AbiWords words, int at)
    {
        var count = words.Count(at, wordsPerEntry: 2);
        var ios = new List<IoV2>(count);
        for (var entry = at + W; ios.Count < count; entry += 2 * W)
            ios.Add(new IoV2 { Token = words.Address(entry), VaultId = words.Bytes32(entry + W) });
        return ios;
    }

    /// <summary><c>SignedContextV1[]</c>: a count, then one offset per entry (from the first offset) to its body.</summary>
    private static List<SignedContextV1> SignedContexts(AbiWords words, int at)
    {
        var count = words.Count(at, wordsPerEntry: 1);
        var body = at + W;
        var contexts = new List<SignedContextV1>(count);
        for (var index = 0; index < count; index++)
        {
            var entry = words.Offset(body + (index * W), body);
            var context = words.Offset(entry + W, entry);
            var length = words.Count(context, wordsPerEntry: 1);
            var values = new List<byte[]>(length);
            for (var value = 0; value < length; value++)
                values.Add(words.Bytes32(context + W + (value * W)));
            contexts.Add(new SignedContextV1 { Signer = words.Address(entry), Context = values, Signature = words.Bytes(words.Offset(entry + (2 * W), entry)) });
        }

        return contexts;
    }
}
