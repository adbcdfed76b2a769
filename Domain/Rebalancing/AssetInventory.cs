namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>One asset (an equity or USDC) on both venues.</summary>
public sealed record AssetInventory(VenueBalance Onchain, VenueBalance Offchain, DateTimeOffset? LastRebalancing)
{
    public static readonly AssetInventory Empty = new(VenueBalance.Empty, VenueBalance.Empty, null);

    public bool HasInflight => Onchain.Inflight != 0m || Offchain.Inflight != 0m;

    public VenueBalance At(Venue venue) => venue == Venue.Onchain ? Onchain : Offchain;

    public AssetInventory With(Venue venue, VenueBalance balance) =>
        venue == Venue.Onchain ? this with { Onchain = balance } : this with { Offchain = balance };
}
