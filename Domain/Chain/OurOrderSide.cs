using System.Globalization;
using System.Numerics;
using TradingBot.Acceptance.Domain.Chain.Abi;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// Our order in a fill, seen from the order: the token it received (input) and gave (output), with the amounts.
/// The sender (taker or clearer) is never looked at.
/// </summary>
public sealed record OurOrderSide(OrderV4 Order, IoV2 Input, RainFloat InputAmount, IoV2 Output, RainFloat OutputAmount)
{
    /// <summary>Ours iff the taken order's owner is ours; the order received what the taker paid (<c>output</c>).</summary>
    public static OurOrderSide? Of(TakeOrderV3Event take, string orderOwner, string where)
    {
        ArgumentNullException.ThrowIfNull(take);
        var order = take.Config.Order;
        if (!ChainAddress.AreEqual(order.Owner, orderOwner))
            return null;
        return new OurOrderSide(
            order,
            Pick(order.ValidInputs, take.Config.InputIoIndex, "validInputs", where),
            RainFloat.FromWord(take.Output),
            Pick(order.ValidOutputs, take.Config.OutputIoIndex, "validOutputs", where),
            RainFloat.FromWord(take.Input));
    }

    /// <summary>Whether alice or bob is ours (alice wins a tie, which the contract prevents anyway), or null.</summary>
    public static bool? IsAliceOurs(ClearV3Event clear, string orderOwner)
    {
        ArgumentNullException.ThrowIfNull(clear);
        if (ChainAddress.AreEqual(clear.Alice.Owner, orderOwner))
            return true;
        return ChainAddress.AreEqual(clear.Bob.Owner, orderOwner) ? false : null;
    }

    /// <summary>Our side of a clear, with the amounts of its <c>AfterClearV2</c>.</summary>
    public static OurOrderSide Of(ClearV3Event clear, bool aliceOurs, ClearStateChangeV2 change, string where)
    {
        ArgumentNullException.ThrowIfNull(clear);
        ArgumentNullException.ThrowIfNull(change);
        var config = clear.ClearConfig;
        return aliceOurs
            ? new OurOrderSide(
                clear.Alice,
                Pick(clear.Alice.ValidInputs, config.AliceInputIoIndex, "alice validInputs", where),
                RainFloat.FromWord(change.AliceInput),
                Pick(clear.Alice.ValidOutputs, config.AliceOutputIoIndex, "alice validOutputs", where),
                RainFloat.FromWord(change.AliceOutput))
            : new OurOrderSide(
                clear.Bob,
                Pick(clear.Bob.ValidInputs, config.BobInputIoIndex, "bob validInputs", where),
                RainFloat.FromWord(change.BobInput),
                Pick(clear.Bob.ValidOutputs, config.BobOutputIoIndex, "bob validOutputs", where),
                RainFloat.FromWord(change.BobOutput));
    }

    private static IoV2 Pick(List<IoV2> ios, BigInteger index, string field, string where) =>
        index >= 0 && index < ios.Count
            ? ios[(int)index]
            : throw new UnreadableLogException(string.Create(CultureInfo.InvariantCulture, $"IO index {index} out of range of {field} ({ios.Count} entries) at {where}"));
}
