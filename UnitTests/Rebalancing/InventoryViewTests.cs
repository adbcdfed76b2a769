using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing;

namespace TradingBot.Acceptance.UnitTests.Rebalancing;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class InventoryViewTests
{
    private static readonly InventoryAsset Aapl = new InventoryAsset.Equity(new Symbol("AAPL"));
    private static readonly InventoryAsset Usdc = new InventoryAsset.Usdc();

    [Test]
    public void A_mint_moves_broker_shares_in_flight_then_on_chain()
    {
        var view = new InventoryView();
        view.Set(Aapl, onchain: 19m, offchain: 80m);

        view.MoveToInflight(Aapl, Venue.Offchain, 30.5m).ShouldBeNull();
        view.Of(Aapl).ShouldBe(new AssetInventory(new(19m, 0m), new(49.5m, 30.5m), null), "after MintAccepted");
        view.ConfirmInflight(Aapl, Venue.Offchain, 30.5m, 30.5m).ShouldBeNull();
        view.Of(Aapl).ShouldBe(new AssetInventory(new(49.5m, 0m), new(49.5m, 0m), null), "after TokensReceived");
    }

    [Test]
    public void A_bridge_fee_is_lost_in_flight_and_a_negative_fee_is_refused()
    {
        var view = new InventoryView();
        view.Set(Usdc, onchain: 100m, offchain: 900m);
        view.MoveToInflight(Usdc, Venue.Offchain, 400m);

        view.ConfirmInflight(Usdc, Venue.Offchain, 400m, 400.01m).ShouldBe(new InventoryError.NegativeFee(Usdc, 400m, 400.01m));
        view.ConfirmInflight(Usdc, Venue.Offchain, 400m, 399.96m).ShouldBeNull();
        view.Usdc.ShouldBe(new AssetInventory(new(499.96m, 0m), new(500m, 0m), null), "after Bridged");
    }

    [Test]
    public void An_operation_that_would_go_negative_is_skipped_whole()
    {
        var view = new InventoryView();
        view.Set(Aapl, onchain: 1m, offchain: 2m);

        view.RemoveAvailable(Aapl, Venue.Onchain, 1.5m).ShouldBe(new InventoryError.InsufficientAvailable(Aapl, Venue.Onchain, 1m, 1.5m));
        view.MoveToInflight(Aapl, Venue.Offchain, 3m).ShouldBe(new InventoryError.InsufficientAvailable(Aapl, Venue.Offchain, 2m, 3m));
        view.CancelInflight(Aapl, Venue.Offchain, 1m).ShouldBe(new InventoryError.InsufficientInflight(Aapl, Venue.Offchain, 0m, 1m));
        view.Of(Aapl).ShouldBe(new AssetInventory(new(1m, 0m), new(2m, 0m), null), "nothing changed");
    }

    [Test]
    public void A_snapshot_applies_only_while_nothing_of_that_asset_is_in_flight()
    {
        var view = new InventoryView();
        view.Set(Aapl, onchain: 19m, offchain: 80m);
        view.ApplySnapshot(Aapl, Venue.Onchain, 20m).ShouldBeNull();
        view.MoveToInflight(Aapl, Venue.Offchain, 10m);

        view.ApplySnapshot(Aapl, Venue.Onchain, 25m).ShouldBe(new InventoryError.SnapshotWhileInflight(Aapl));
        view.Of(Aapl).ShouldBe(new AssetInventory(new(20m, 0m), new(70m, 10m), null), "the second snapshot was skipped");
        view.ApplySnapshot(Usdc, Venue.Offchain, 900m).ShouldBeNull("USDC has nothing in flight");
    }

    [Test]
    public void Fills_move_available_balances_and_assets_start_empty()
    {
        var view = new InventoryView();
        view.Of(new InventoryAsset.Equity(new Symbol("MSFT"))).ShouldBe(AssetInventory.Empty);
        view.AddAvailable(Aapl, Venue.Onchain, 20m);
        view.RemoveAvailable(Aapl, Venue.Onchain, 1m);
        view.Of(Aapl).Onchain.ShouldBe(new VenueBalance(19m, 0m));
    }
}
