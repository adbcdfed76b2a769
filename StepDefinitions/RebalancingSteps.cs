using System.Globalization;
using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.TokenizedEquityMints;
using TradingBot.Acceptance.Support.Drivers;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.Support.Parameters;

namespace TradingBot.Acceptance.StepDefinitions;

[Binding]
public sealed class RebalancingSteps(RebalancingDriver rebalancing)
{
    [Given("the {symbol} vault is registered")]
    public Task GivenTheVaultIsRegistered(Symbol symbol) => rebalancing.RegisterVaultAsync(symbol);

    [Given("rebalancing is enabled")]
    public void GivenRebalancingIsEnabled() => rebalancing.Enable();

    [Given("the USDC band is {decimal}% plus or minus {decimal}%")]
    public void GivenTheUsdcBandIs(decimal targetPercent, decimal deviationPercent) => rebalancing.UseUsdcBand(targetPercent, deviationPercent);

    [Given("a(n) {symbol} mint is in flight")]
    public Task GivenAMintIsInFlight(Symbol symbol) => rebalancing.PutMintInFlightAsync(symbol);

    [Given("Alpaca accepts mint requests and completes them")]
    public Task GivenAlpacaCompletesMints() => rebalancing.AlpacaCompletesMintsAsync();

    [Given("Alpaca accepts mint requests and completes them {int} minute(s) later")]
    public Task GivenAlpacaCompletesMintsLater(int minutes) => rebalancing.AlpacaCompletesMintsAfterAsync(TimeSpan.FromMinutes(minutes));

    [Given("Alpaca rejects mint requests with {int} {string}")]
    public Task GivenAlpacaRejectsMints(int status, string message) => rebalancing.AlpacaRejectsMintsAsync(status, message);

    [Given("Alpaca accepts mint requests and rejects them while processing")]
    public Task GivenAlpacaRejectsMintsWhileProcessing() => rebalancing.AlpacaRejectsMintsWhileProcessingAsync();

    [Given("Alpaca detects redemptions and completes them")]
    public Task GivenAlpacaCompletesRedemptions() => rebalancing.AlpacaCompletesRedemptionsAsync();

    [Given("Alpaca never detects redemptions")]
    public Task GivenAlpacaNeverDetectsRedemptions() => rebalancing.AlpacaNeverDetectsRedemptionsAsync();

    [Given("Alpaca converts, withdraws and Circle attests transfers")]
    public Task GivenUsdcTransfersSucceed() => rebalancing.UsdcTransfersSucceedAsync();

    [Given("Alpaca converts and withdraws but Circle never attests")]
    public Task GivenCircleNeverAttests() => rebalancing.CircleNeverAttestsAsync();

    [Given("Alpaca has not whitelisted the market-maker wallet")]
    public Task GivenTheMarketMakerWalletIsNotWhitelisted() => rebalancing.MarketMakerWalletNotWhitelistedAsync();

    [When("the rebalancing trigger checks {holding}")]
    public Task WhenTheRebalancingTriggerChecks(InventoryAsset holding) => rebalancing.CheckAsync(holding);

    [When("the rebalancer runs")]
    [When("the rebalancer runs until it gives up waiting")]
    public Task WhenTheRebalancerRuns() => rebalancing.RunRebalancerAsync();

    [Then("the rebalancer was asked to do nothing")]
    public async Task ThenTheRebalancerWasAskedToDoNothing() =>
        (await rebalancing.SentOperationsAsync()).ShouldBeEmpty("operations the trigger sent to the rebalancer");

    [Then("the rebalancer was asked to mint {shares}")]
    public async Task ThenTheRebalancerWasAskedToMint(FractionalShares quantity) =>
        (await rebalancing.SentOperationsAsync()).ShouldBe([rebalancing.Mint(quantity)], "operations the trigger sent to the rebalancer");

    [Then("the rebalancer was asked to redeem {shares}")]
    public async Task ThenTheRebalancerWasAskedToRedeem(FractionalShares quantity) =>
        (await rebalancing.SentOperationsAsync()).ShouldBe([rebalancing.Redemption(quantity)], "operations the trigger sent to the rebalancer");

    [Then("the rebalancer was asked to move {usd} from Alpaca to Base")]
    public async Task ThenTheRebalancerWasAskedToMoveToBase(Usd amount) =>
        (await rebalancing.SentOperationsAsync()).ShouldBe([new RebalanceOperation.UsdcAlpacaToBase(amount)], "operations the trigger sent to the rebalancer");

    [Then("Alpaca received a mint request for {shares} {symbol}")]
    public async Task ThenAlpacaReceivedAMintRequest(FractionalShares quantity, Symbol symbol)
    {
        var request = (await rebalancing.MintRequestsAsync()).ShouldHaveSingleItem("mint requests Alpaca received");
        (request.Field("underlying_symbol"), request.Field("qty"), request.Field("issuer"), request.Field("network"), request.Field("wallet_address"))
            .ShouldBe((symbol.Value, quantity.Value.ToString("F9", CultureInfo.InvariantCulture), "st0x", "base", RebalancingHost.MarketMakerWallet),
                "the mint request: symbol, quantity with 9 decimals, issuer, network, and the market-maker wallet the tokens go to");
    }

    [Then("Alpaca received a withdrawal of {decimal} USDC to the market-maker wallet")]
    public async Task ThenAlpacaReceivedAWithdrawal(decimal amount)
    {
        var request = (await rebalancing.WithdrawalsAsync()).ShouldHaveSingleItem("withdrawals Alpaca received");
        (request.Field("amount"), request.Field("asset"), request.Field("address"))
            .ShouldBe((amount.ToString(CultureInfo.InvariantCulture), "USDC", RebalancingHost.MarketMakerWallet), "the withdrawal: amount, asset, address");
    }

    [Then("Alpaca received no withdrawal")]
    public async Task ThenAlpacaReceivedNoWithdrawal() =>
        (await rebalancing.WithdrawalsAsync()).ShouldBeEmpty("withdrawals Alpaca received");

    [Then("{shares} {token} were sent to the redemption wallet")]
    public async Task ThenTokensWereSentToTheRedemptionWallet(FractionalShares quantity, TokenizedEquity token) =>
        (await rebalancing.TokenTransfersAsync()).ShouldBe([rebalancing.RedemptionTransfer(quantity, token)],
            $"ERC-20 transfers on Base: {token} in 18-decimal units to the redemption wallet");

    [Then("the {symbol} mint went through {}")]
    public async Task ThenTheMintWentThrough(Symbol symbol, string events) =>
        (await rebalancing.MintLifecycleAsync(symbol)).ShouldBe(events.Split(", "), $"the events of the latest {symbol} mint");

    [Then("the {symbol} mint of {shares} shares completes")]
    public async Task ThenTheMintCompletes(Symbol symbol, FractionalShares quantity)
    {
        var mint = (await rebalancing.LatestMintStateAsync(symbol)).ShouldBeOfType<TokenizedEquityMint.Completed>($"the latest {symbol} mint");
        mint.Terms.Quantity.ShouldBe(quantity, $"shares of the {symbol} mint");
        (await rebalancing.MintLifecycleAsync(symbol)).ShouldBe(["MintRequested", "MintAccepted", "TokensReceived", "MintCompleted"], $"the events of the {symbol} mint");
    }

    [Then("the broker filled {int} hedge(s) while the {symbol} mint was in flight")]
    public async Task ThenTheBrokerFilledHedgesWhileTheMintWasInFlight(int count, Symbol symbol) =>
        (await rebalancing.HedgesFilledWhileMintInFlightAsync(symbol)).ShouldBe(count, $"broker orders filled between the {symbol} mint's acceptance and its end");

    [Then("the {symbol} mint failed with {string}")]
    public async Task ThenTheMintFailedWith(Symbol symbol, string reason)
    {
        var failure = (await rebalancing.MintFailureAsync(symbol)).ShouldNotBeNull($"the failure event that ended the latest {symbol} mint");
        failure.ShouldSatisfyAllConditions(
            () => failure.EventName.ShouldBeOneOf(["MintRejected", "MintAcceptanceFailed", "RaindexDepositFailed"], "the mint's failure event"),
            () => failure.Reason.ShouldEndWith(reason, Case.Sensitive, "why the mint failed"));
    }

    [Then("the {symbol} redemption went through {}")]
    public async Task ThenTheRedemptionWentThrough(Symbol symbol, string events) =>
        (await rebalancing.RedemptionLifecycleAsync(symbol)).ShouldBe(events.Split(", "), $"the events of the latest {symbol} redemption");

    [Then("the USDC move went through {}")]
    public async Task ThenTheUsdcMoveWentThrough(string events) =>
        (await rebalancing.UsdcMoveLifecycleAsync()).ShouldBe(events.Split(", "), "the events of the latest USDC move");

    [Then("the USDC move ended with {word}")]
    public async Task ThenTheUsdcMoveEndedWith(string lastEvent)
    {
        var lifecycle = await rebalancing.UsdcMoveLifecycleAsync();
        lifecycle.ShouldNotBeEmpty("the events of the latest USDC move");
        lifecycle[^1].ShouldBe(lastEvent, "the event that ended the latest USDC move");
    }

    [Then("no {holding} move is in flight")]
    public async Task ThenNoMoveIsInFlight(InventoryAsset holding) =>
        (await rebalancing.IsMoveInFlightAsync(holding)).ShouldBeFalse($"whether a {holding} move holds the in-progress guard");
}
