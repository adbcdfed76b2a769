using Reqnroll;
using Shouldly;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Support.Drivers;

namespace TradingBot.Acceptance.StepDefinitions;

[Binding]
public sealed class InventorySteps(RebalancingDriver rebalancing)
{
    [Given("the inventory holds {decimal} {holding} on-chain and {decimal} {holding} at the broker")]
    public Task GivenTheInventoryHolds(decimal onchain, InventoryAsset holding, decimal offchain, InventoryAsset sameHolding) =>
        rebalancing.HoldAsync(OneHolding(holding, sameHolding), onchain, offchain);

    [Then("the inventory holds {decimal} {holding} on-chain and {decimal} {holding} at the broker")]
    public async Task ThenTheInventoryHolds(decimal onchain, InventoryAsset holding, decimal offchain, InventoryAsset sameHolding)
    {
        var inventory = await rebalancing.InventoryAsync(OneHolding(holding, sameHolding));
        (inventory.Onchain, inventory.Offchain).ShouldBe((new VenueBalance(onchain, 0m), new VenueBalance(offchain, 0m)),
            $"the {holding} inventory (available, in flight) on-chain and at the broker");
    }

    [Then("the inventory holds {decimal} {holding} in flight from the broker")]
    public async Task ThenTheInventoryHoldsInFlightFromTheBroker(decimal inflight, InventoryAsset holding) =>
        (await rebalancing.InventoryAsync(holding)).Offchain.Inflight.ShouldBe(inflight, $"{holding} that left the broker and has not arrived on-chain");

    private static InventoryAsset OneHolding(InventoryAsset holding, InventoryAsset sameHolding) =>
        holding == sameHolding
            ? holding
            : throw new ArgumentException($"One inventory step names one holding, not {holding} on-chain and {sameHolding} at the broker.", nameof(sameHolding));
}
