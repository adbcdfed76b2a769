using TradingBot.Acceptance.Domain.Chain.Abi;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Support.Chain;

/// <summary>
/// Trades put on the simulated chain in business terms: a taker takes the bot's order, a clear matches the bot's
/// order with another owner's (the bot as alice or bob), a fill of a pair the bot does not hedge. Each is one
/// transaction in the next block; the hash is returned. The bot's order keeps USDC in vault 1 and the equity in
/// vault 2 (unless a test moves it), another owner's order uses vault 9.
/// </summary>
public sealed class ChainTrades(SimulatedChain chain, string botOwner)
{
    public const byte UsdcVault = 1;
    public const byte EquityVault = 2;

    /// <summary>The owner of the orders the bot's orders are cleared against.</summary>
    public static readonly string OtherOwner = OrderbookLogEncoder.Address(0x0e1);

    public string BotOwner => botOwner;

    public string Usdc => chain.Token("USDC");

    /// <summary>A taker takes the bot's order: the bot sells (gives the equity, receives USDC) or buys.</summary>
    public string Take(string token, Direction botSide, decimal shares, decimal price, byte equityVault = EquityVault)
    {
        var usdc = shares * price;
        return botSide == Direction.Sell
            ? chain.SubmitTake(OrderbookLogEncoder.TakeOrder(BotOrder(receives: Usdc, gives: chain.Token(token), equityVault), takerInput: shares, takerOutput: usdc))
            : chain.SubmitTake(OrderbookLogEncoder.TakeOrder(BotOrder(receives: chain.Token(token), gives: Usdc, equityVault), takerInput: usdc, takerOutput: shares));
    }

    /// <summary>A taker takes the bot's order that gives <paramref name="given"/> of one token for <paramref name="received"/> of another.</summary>
    public string TakePair(string gives, decimal given, string receives, decimal received) =>
        chain.SubmitTake(OrderbookLogEncoder.TakeOrder(BotOrder(receives: chain.Token(receives), gives: chain.Token(gives)), takerInput: given, takerOutput: received));

    /// <summary>A clear of the bot's order with another owner's, no bounty: the bot is alice or bob.</summary>
    public string Clear(string token, Direction botSide, decimal shares, decimal price, bool botIsAlice)
    {
        var equity = chain.Token(token);
        var usdc = shares * price;
        var (botReceives, botGives) = botSide == Direction.Sell ? (Usdc, equity) : (equity, Usdc);
        var (received, given) = botSide == Direction.Sell ? (usdc, shares) : (shares, usdc);
        var bot = BotOrder(botReceives, botGives);
        var other = OrderbookLogEncoder.Order(OtherOwner, botGives, botReceives, vault: 9);
        return botIsAlice
            ? chain.SubmitClear(OrderbookLogEncoder.Clear(bot, other), OrderbookLogEncoder.AfterClear(aliceOutput: given, bobOutput: received, aliceInput: received, bobInput: given))
            : chain.SubmitClear(OrderbookLogEncoder.Clear(other, bot), OrderbookLogEncoder.AfterClear(aliceOutput: received, bobOutput: given, aliceInput: given, bobInput: received));
    }

    /// <summary>A take of another owner's order: on the orderbook, not the bot's.</summary>
    public string TakeOfAnotherOwner(string token, decimal shares, decimal price) =>
        chain.SubmitTake(OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(OtherOwner, Usdc, chain.Token(token), vault: 9), shares, shares * price));

    private OrderV4 BotOrder(string receives, string gives, byte equityVault = EquityVault)
    {
        var order = OrderbookLogEncoder.Order(botOwner, receives, gives);
        order.ValidInputs[0].VaultId[31] = receives == Usdc ? UsdcVault : equityVault;
        order.ValidOutputs[0].VaultId[31] = gives == Usdc ? UsdcVault : equityVault;
        return order;
    }
}
