using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.VaultRegistries;
using TradingBot.Acceptance.Support.Chain;
using static TradingBot.Acceptance.UnitTests.Chain.ChainReaderTestBed;

namespace TradingBot.Acceptance.UnitTests.Chain;

[TestFixture]
public sealed class VaultDiscoveryTests
{
    [Test]
    public async Task The_vaults_of_the_bots_orders_are_discovered_from_its_fills_once_each_and_again_when_they_change()
    {
        await using var bed = await StartAsync();
        var trades = new ChainTrades(bed.Node.Chain, Bot);
        bed.Run();
        var sale = trades.Take("tAAPL", Direction.Sell, 9m, 205.85m);
        trades.Take("tAAPL", Direction.Buy, 2m, 205.85m);
        trades.Take("tAAPL", Direction.Sell, 1m, 205.85m, equityVault: 7);
        trades.TakePair("WETH", 1m, "USDC", 3000m);
        await bed.UntilAsync(() => bed.Queue().Count == 3 && bed.Skipped().Count == 1, "three fills queued, the WETH pair skipped");

        var discoveries = bed.Database.ReadEventLog().Where(recorded => recorded.AggregateType == "VaultRegistry").ToList();
        discoveries.Select(recorded => recorded.EventName).ShouldBe(
            ["UsdcVaultDiscovered", "EquityVaultDiscovered", "EquityVaultDiscovered"],
            "the sale's input (USDC) before its output (tAAPL); the purchase found both known; the third fill's new tAAPL vault");
        discoveries.ShouldAllBe(recorded => recorded.AggregateId == VaultRegistry.IdOf(Orderbook, Bot));
        discoveries[0].Payload.ShouldContain(sale);
        discoveries[1].Payload.ShouldContain("0x" + new string('0', 63) + "2");
        discoveries[2].Payload.ShouldContain("0x" + new string('0', 63) + "7");
        discoveries[2].Payload.ShouldContain(bed.Token("tAAPL"));
    }
}
