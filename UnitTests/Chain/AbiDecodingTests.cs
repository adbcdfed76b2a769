using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.Chain.Abi;
using TradingBot.Acceptance.Support.Chain;
using static TradingBot.Acceptance.UnitTests.Chain.ChainTestLogs;

namespace TradingBot.Acceptance.UnitTests.Chain;

/// <summary>
/// The bot's word-by-word decoding of the three events against Nethereum's (the reference): the worked examples,
/// random events of every shape the ABI allows, and data that is cut short or points outside itself.
/// </summary>
[TestFixture]
public sealed class AbiDecodingTests
{
    private const string WorkedExampleAfterClear = "0x"
        + "0000000000000000000000001111111111111111111111111111111111111111"
        + "0000000000000000000000000000000000000000000000000000000000000002"
        + "fffffffe0000000000000000000000000000000000000000000000000000a0d2"
        + "fffffffe0000000000000000000000000000000000000000000000000000a0be"
        + "0000000000000000000000000000000000000000000000000000000000000002";

    [Test]
    public void Worked_example_A_decodes_as_Nethereum_decodes_it()
    {
        var take = OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, input: Usdc, output: Aapl), takerInput: 9m, takerOutput: 1852.65m);
        var log = Log(OrderbookTopics.TakeOrderV3, OrderbookLogEncoder.Data(take), 7);

        var decoded = OrderbookLogDecoder.DecodeTakeOrder(log);

        decoded.ShouldBeEquivalentTo(Lower(NethereumLogDecoder.DecodeTakeOrder(log)));
        (RainFloat.FromWord(decoded.Input).ToDecimal(18), RainFloat.FromWord(decoded.Output).ToDecimal(6)).ShouldBe((9m, 1852.65m));
        decoded.Config.Order.Owner.ShouldBe(Bot);
    }

    [Test]
    public void Worked_example_B_decodes_as_Nethereum_decodes_it()
    {
        var clear = OrderbookLogEncoder.Clear(OrderbookLogEncoder.Order(Other, Usdc, Aapl), OrderbookLogEncoder.Order(Bot, Aapl, Usdc));
        var clearLog = Log(OrderbookTopics.ClearV3, OrderbookLogEncoder.Data(clear), 3);
        var afterLog = Log(OrderbookTopics.AfterClearV2, WorkedExampleAfterClear, 4);

        OrderbookLogDecoder.DecodeClear(clearLog).ShouldBeEquivalentTo(Lower(NethereumLogDecoder.DecodeClear(clearLog)));
        var after = OrderbookLogDecoder.DecodeAfterClear(afterLog);
        after.ShouldBeEquivalentTo(Lower(NethereumLogDecoder.DecodeAfterClear(afterLog)));
        RainFloat.FromWord(after.ClearStateChange.BobOutput).ToDecimal(6).ShouldBe(411.70m);
    }

    [Test]
    public void Random_events_of_every_shape_decode_as_Nethereum_decodes_them([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 100; round++)
        {
            var take = RandomAbi.TakeOrder(random);
            var takeLog = Log(OrderbookTopics.TakeOrderV3, OrderbookLogEncoder.Data(take), round);
            OrderbookLogDecoder.DecodeTakeOrder(takeLog).ShouldBeEquivalentTo(Lower(NethereumLogDecoder.DecodeTakeOrder(takeLog)), $"TakeOrderV3 {round} of seed {seed}");

            var clear = new ClearV3Event { Sender = RandomAbi.Address(random), Alice = RandomAbi.Order(random), Bob = RandomAbi.Order(random), ClearConfig = RandomAbi.ClearConfig(random) };
            var clearLog = Log(OrderbookTopics.ClearV3, OrderbookLogEncoder.Data(clear), round);
            OrderbookLogDecoder.DecodeClear(clearLog).ShouldBeEquivalentTo(Lower(NethereumLogDecoder.DecodeClear(clearLog)), $"ClearV3 {round} of seed {seed}");

            var after = RandomAbi.AfterClear(random);
            var afterLog = Log(OrderbookTopics.AfterClearV2, OrderbookLogEncoder.Data(after), round);
            OrderbookLogDecoder.DecodeAfterClear(afterLog).ShouldBeEquivalentTo(Lower(NethereumLogDecoder.DecodeAfterClear(afterLog)), $"AfterClearV2 {round} of seed {seed}");
        }
    }

    /// <summary>
    /// Nethereum writes addresses with their EIP-55 checksum (mixed case); the bot writes them in lower case and
    /// compares addresses without regard to case everywhere, so the reference's are lowered before comparing.
    /// </summary>
    private static T Lower<T>(T decoded)
        where T : class
    {
        foreach (var property in decoded.GetType().GetProperties())
        {
            switch (property.GetValue(decoded))
            {
                case string { Length: 42 } address when address.StartsWith("0x", StringComparison.Ordinal):
                    property.SetValue(decoded, address.ToLowerInvariant());
                    break;
                case System.Collections.IEnumerable items and not string and not byte[]:
                    foreach (var item in items)
                    {
                        if (item is not byte[])
                            Lower(item);
                    }

                    break;
                case { } nested when nested.GetType().Namespace == typeof(OrderV4).Namespace:
                    Lower(nested);
                    break;
            }
        }

        return decoded;
    }

    [Test]
    public void Data_cut_short_anywhere_is_refused_naming_the_log()
    {
        var random = new Random(11);
        var data = HexQuantity.ParseData(OrderbookLogEncoder.Data(RandomAbi.TakeOrder(random)));
        for (var words = 1; words < data.Length / 32; words++)
        {
            var log = Log(OrderbookTopics.TakeOrderV3, HexQuantity.Data(data.AsSpan(0, words * 32).ToArray()), 5);
            Should.Throw<UnreadableLogException>(() => OrderbookLogDecoder.DecodeTakeOrder(log), $"{words} of {data.Length / 32} words")
                .Message.ShouldContain(log.Where);
        }
    }

    [Test]
    public void An_offset_or_a_length_pointing_outside_the_data_is_refused()
    {
        var data = HexQuantity.ParseData(OrderbookLogEncoder.Data(OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(Bot, Usdc, Aapl), 9m, 1852.65m)));
        var pointsOutside = (byte[])data.Clone();
        pointsOutside[63] = 0xff; // the config's offset
        pointsOutside[62] = 0xff;
        var claimsTooMuch = (byte[])data.Clone();
        Array.Fill(claimsTooMuch, (byte)0xff, 32 + 24, 8); // the config's offset, huge

        Should.Throw<UnreadableLogException>(() => OrderbookLogDecoder.DecodeTakeOrder(Log(OrderbookTopics.TakeOrderV3, HexQuantity.Data(pointsOutside), 1)))
            .Message.ShouldContain("points beyond the data");
        Should.Throw<UnreadableLogException>(() => OrderbookLogDecoder.DecodeTakeOrder(Log(OrderbookTopics.TakeOrderV3, HexQuantity.Data(claimsTooMuch), 1)));
    }
}
