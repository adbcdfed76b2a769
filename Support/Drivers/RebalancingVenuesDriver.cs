using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Support.Contexts;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.Hosting;

namespace TradingBot.Acceptance.Support.Drivers;

/// <summary>
/// The venues a rebalancing move touches (Alpaca's tokenization and wallet, the chains): the faults a
/// scenario injects into their answers, and what each venue's journal recorded, in exact amounts.
/// </summary>
public sealed class RebalancingVenuesDriver(ScenarioRebalancing rebalancing, RebalancingContext context)
{
    /// <summary>Alpaca records each mint for <paramref name="difference"/> shares more than requested (negative: fewer).</summary>
    public Task AnswerMintsWithAnotherQuantityAsync(decimal difference) =>
        rebalancing.ArrangeAsync(host => host.Tokenization.AnswersMintsWithAnotherQuantity(difference));

    public Task AnswerMintsWithAnotherSymbolAsync(Symbol symbol) =>
        rebalancing.ArrangeAsync(host => host.Tokenization.AnswersMintsWithAnotherSymbol(symbol));

    public Task DetectRedemptionsWithAnotherQuantityAsync(decimal difference) =>
        rebalancing.ArrangeAsync(host => host.Tokenization.DetectsRedemptionsWithAnotherQuantity(difference));

    public Task FillConversionsWithAnotherQuantityAsync(decimal difference) =>
        rebalancing.ArrangeAsync(host => host.Wallet.FillsConversionsWithAnotherQuantity(difference));

    public Task WithdrawAnotherAmountAsync(decimal difference) =>
        rebalancing.ArrangeAsync(host => host.Wallet.WithdrawsAnotherAmount(difference));

    public Task CreditDepositsWithAnotherAmountAsync(decimal difference) =>
        rebalancing.ArrangeAsync(host => host.Wallet.CreditsDepositsWithAnotherAmount(difference));

    /// <summary>The USDCUSD orders Alpaca received, as (side, quantity) in the order they came.</summary>
    public async Task<IReadOnlyList<(string Side, string Quantity)>> ConversionsAsync() =>
        [.. (await rebalancing.HostAsync()).Wallet.ConversionOrders().Select(order => (order.Field("side"), order.Field("qty")))];

    /// <summary>The USDC transfers Alpaca credited to the bot's account.</summary>
    public async Task<IReadOnlyList<decimal>> DepositsCreditedAsync() =>
        [.. (await rebalancing.HostAsync()).Wallet.Transfers().Where(transfer => transfer.Direction == "INCOMING").Select(transfer => transfer.Amount)];

    /// <summary>The USDC the bot sent on Ethereum to Alpaca's deposit address, in USDC.</summary>
    public async Task<IReadOnlyList<decimal>> UsdcSentToAlpacaAsync() =>
        [.. (await rebalancing.HostAsync()).Onchain.Transfers
            .Where(sent => sent.Chain == CctpChain.Ethereum && sent.Recipient == AlpacaWalletStub.DepositAddress)
            .Select(sent => TokenUnits.ToUsdc(sent.Units))];

    /// <summary>What the bot deposited into the holding's vault, in shares or USDC.</summary>
    public async Task<IReadOnlyList<decimal>> DepositedIntoVaultAsync(InventoryAsset holding)
    {
        var host = await rebalancing.HostAsync();
        var (token, vaultId) = VaultOf(host, holding);
        return [.. host.Onchain.Deposits.Where(deposit => deposit.Token == token && deposit.VaultId == vaultId).Select(deposit => Amount(holding, deposit))];
    }

    public async Task<IReadOnlyList<decimal>> WithdrawnFromVaultAsync(InventoryAsset holding)
    {
        var host = await rebalancing.HostAsync();
        var (token, vaultId) = VaultOf(host, holding);
        return [.. host.Onchain.Withdrawals.Where(withdrawal => withdrawal.Token == token && withdrawal.VaultId == vaultId).Select(withdrawal => Amount(holding, withdrawal))];
    }

    private (string Token, string VaultId) VaultOf(RebalancingHost host, InventoryAsset holding) => holding is InventoryAsset.Equity equity
        ? (context.VaultOf(equity.Symbol).Token, context.VaultOf(equity.Symbol).VaultId)
        : (UsdcTokenAddresses.Base, host.Config.UsdcVaultId);

    private static decimal Amount(InventoryAsset holding, VaultMovement movement) => holding is InventoryAsset.Equity
        ? TokenUnits.Normalize((decimal)movement.Units / (decimal)System.Numerics.BigInteger.Pow(10, TokenUnits.EquityDecimals))
        : TokenUnits.ToUsdc(movement.Units);
}
