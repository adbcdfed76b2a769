using System.Globalization;
using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Support.Drivers;
using TradingBot.Acceptance.Support.Parameters;

namespace TradingBot.Acceptance.StepDefinitions;

/// <summary>The venues of a rebalancing move: answers that differ from what the bot asked, and what each venue recorded.</summary>
[Binding]
public sealed class RebalancingVenueSteps(RebalancingVenuesDriver venues, RebalancingDriver rebalancing)
{
    [Given("Alpaca records mint requests for {shares} share(s) {comparison} than requested")]
    public Task GivenAlpacaRecordsMintsForAnotherQuantity(FractionalShares shares, int sign) => venues.AnswerMintsWithAnotherQuantityAsync(sign * shares.Value);

    [Given("Alpaca records mint requests as {symbol}")]
    public Task GivenAlpacaRecordsMintsAs(Symbol symbol) => venues.AnswerMintsWithAnotherSymbolAsync(symbol);

    [Given("Alpaca detects redemptions for {shares} share(s) {comparison} than sent")]
    public Task GivenAlpacaDetectsRedemptionsForAnotherQuantity(FractionalShares shares, int sign) => venues.DetectRedemptionsWithAnotherQuantityAsync(sign * shares.Value);

    [Given("Alpaca fills conversions for {decimal} USDC {comparison} than ordered")]
    public Task GivenAlpacaFillsConversionsForAnotherQuantity(decimal amount, int sign) => venues.FillConversionsWithAnotherQuantityAsync(sign * amount);

    [Given("Alpaca withdraws {decimal} USDC {comparison} than requested")]
    public Task GivenAlpacaWithdrawsAnotherAmount(decimal amount, int sign) => venues.WithdrawAnotherAmountAsync(sign * amount);

    [Given("Alpaca credits deposits with {decimal} USDC {comparison} than sent")]
    public Task GivenAlpacaCreditsDepositsWithAnotherAmount(decimal amount, int sign) => venues.CreditDepositsWithAnotherAmountAsync(sign * amount);

    [Then("the {symbol} redemption failed with {string}")]
    public async Task ThenTheRedemptionFailedWith(Symbol symbol, string reason)
    {
        var failure = (await rebalancing.RedemptionFailureAsync(symbol)).ShouldNotBeNull($"the failure event that ended the latest {symbol} redemption");
        failure.Reason.ShouldEndWith(reason, Case.Sensitive, $"why the {symbol} redemption failed ({failure.EventName})");
    }

    [Then("the USDC move failed with {string}")]
    public async Task ThenTheUsdcMoveFailedWith(string reason)
    {
        var failure = (await rebalancing.UsdcMoveFailureAsync()).ShouldNotBeNull("the failure event that ended the latest USDC move");
        failure.Reason.ShouldEndWith(reason, Case.Sensitive, $"why the USDC move failed ({failure.EventName})");
    }

    [Then("Alpaca received a conversion of {decimal} USD into USDC")]
    public async Task ThenAlpacaReceivedAConversionIntoUsdc(decimal amount) =>
        (await venues.ConversionsAsync()).ShouldBe([("buy", Text(amount))], "USDCUSD orders Alpaca received: side, quantity");

    [Then("Alpaca received a conversion of {decimal} USDC into USD")]
    public async Task ThenAlpacaReceivedAConversionIntoUsd(decimal amount) =>
        (await venues.ConversionsAsync()).ShouldBe([("sell", Text(amount))], "USDCUSD orders Alpaca received: side, quantity");

    [Then("Alpaca credited a deposit of {decimal} USDC")]
    public async Task ThenAlpacaCreditedADeposit(decimal amount)
    {
        (await venues.UsdcSentToAlpacaAsync()).ShouldBe([amount], "USDC the bot sent to Alpaca's deposit address on Ethereum");
        (await venues.DepositsCreditedAsync()).ShouldBe([amount], "incoming transfers Alpaca lists");
    }

    [Then("{decimal} USDC were deposited into the USDC vault")]
    public async Task ThenUsdcWasDepositedIntoTheVault(decimal amount) =>
        (await venues.DepositedIntoVaultAsync(new InventoryAsset.Usdc())).ShouldBe([amount], "deposits into the USDC vault on Base");

    [Then("{decimal} USDC were withdrawn from the USDC vault")]
    public async Task ThenUsdcWasWithdrawnFromTheVault(decimal amount) =>
        (await venues.WithdrawnFromVaultAsync(new InventoryAsset.Usdc())).ShouldBe([amount], "withdrawals from the USDC vault on Base");

    [Then("{shares} {token} were deposited into the {symbol} vault")]
    public async Task ThenTokensWereDepositedIntoTheVault(FractionalShares shares, TokenizedEquity token, Symbol symbol)
    {
        token.Symbol.ShouldBe(symbol, "the token and the vault name the same symbol");
        (await venues.DepositedIntoVaultAsync(new InventoryAsset.Equity(symbol))).ShouldBe([shares.Value], $"deposits of {token} into the {symbol} vault");
    }

    [Then("{shares} {token} were withdrawn from the {symbol} vault")]
    public async Task ThenTokensWereWithdrawnFromTheVault(FractionalShares shares, TokenizedEquity token, Symbol symbol)
    {
        token.Symbol.ShouldBe(symbol, "the token and the vault name the same symbol");
        (await venues.WithdrawnFromVaultAsync(new InventoryAsset.Equity(symbol))).ShouldBe([shares.Value], $"withdrawals of {token} from the {symbol} vault");
    }

    private static string Text(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
