using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EquityRedemptions;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.UsdcRebalances;
using TradingBot.Acceptance.Domain.VaultRegistries;
using TradingBot.Acceptance.Support.Hosting;
using TradingBot.Acceptance.UnitTests.Hedging;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Acceptance.UnitTests.Rebalancing.Persistence;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class SqliteAggregateStoreTests
{
    private static readonly Symbol Aapl = new("AAPL");

    [Test]
    public async Task Commands_append_events_with_sequences_and_keep_the_view_in_step()
    {
        using var host = new RebalancingHost();
        var id = Guid.NewGuid().ToString();

        await host.Store.ExecuteAsync(EquityRedemptionDecider.Kind, id,
            new EquityRedemptionCommand.SendTokens(Aapl, new FractionalShares(30m), "0xredeem", "0xtx"), CancellationToken.None);
        await host.Store.ExecuteAsync(EquityRedemptionDecider.Kind, id, new EquityRedemptionCommand.Detect("req-1"), CancellationToken.None);
        var refused = await host.Store.ExecuteAsync(EquityRedemptionDecider.Kind, id, new EquityRedemptionCommand.Detect("req-2"), CancellationToken.None);

        refused.ShouldBeOfType<Decision<EquityRedemptionEvent, EquityRedemptionError>.Rejected>()
            .Error.ShouldBeOfType<EquityRedemptionError.NotPending>();
        host.Events("EquityRedemption").Select(row => (row.AggregateId, row.Sequence, row.EventType))
            .ShouldBe([(id, 1L, "EquityRedemptionEvent::TokensSent"), (id, 2L, "EquityRedemptionEvent::Detected")]);
        ViewRow(host.Database, "SELECT version, status, symbol FROM equity_redemption_view WHERE view_id = $id", id)
            .ShouldBe("2 Detected AAPL");
        (await host.Store.LoadAsync(EquityRedemptionDecider.Kind, id, CancellationToken.None))
            .ShouldBeOfType<EquityRedemption.Detected>().TokenizationRequestId.ShouldBe("req-1");
        (await host.Store.LoadEventsAsync(EquityRedemptionDecider.Kind, id, CancellationToken.None)).Count.ShouldBe(2);
    }

    [Test]
    public async Task The_usdc_and_vault_views_are_written_with_their_events()
    {
        using var host = new RebalancingHost();
        var id = Guid.NewGuid().ToString();
        await host.Store.ExecuteAsync(UsdcRebalanceDecider.Kind, id,
            new UsdcRebalanceCommand.InitiateConversion(RebalanceDirection.AlpacaToBase, new Usd(400m), Guid.NewGuid()), CancellationToken.None);
        await host.RegisterVaultAsync(Aapl, "0xtoken", "0xvault");

        ViewRow(host.Database, "SELECT version, status, direction FROM usdc_rebalance_view WHERE view_id = $id", id)
            .ShouldBe("1 Converting AlpacaToBase");
        ViewRow(host.Database, "SELECT json_extract(payload, '$.Live.equity_vaults[0].symbol') FROM vault_registry_view WHERE view_id = $id",
            host.Config.RegistryId).ShouldBe("AAPL");
        host.EventNames("VaultRegistry").ShouldBe(["EquityVaultDiscovered"]);
    }

    [Test]
    public async Task The_trigger_sees_position_fills_committed_by_the_conductor_after_catching_up()
    {
        using var host = new RebalancingHost();
        await host.RegisterVaultAsync(Aapl, "0xtoken", "0xvault");
        host.Inventory.Set(new InventoryAsset.Equity(Aapl), onchain: 20m, offchain: 80m);
        var conductor = BotComposition.For(host.Database, new MockExecutor(host.Clock).Executor, host.Clock).Conductor;

        await conductor.ProcessTradeWithinTransactionAsync(
            HedgingTestBed.Fill("0x" + new string('a', 64), "tAAPL", 1m, Direction.Sell), CancellationToken.None);
        host.Inventory.Equity(Aapl).Onchain.Available.ShouldBe(20m, "nothing seen before catching up");
        await host.CatchUpAsync();

        host.Inventory.Equity(Aapl).ShouldBe(new AssetInventory(new(19m, 0m), new(80m, 0m), null), "after the on-chain sell");
        host.Trigger.SentOperations.ShouldBe([new RebalanceOperation.Mint(Aapl, new FractionalShares(30.5m))]);
        await host.CatchUpAsync();
        host.Trigger.SentOperations.Count.ShouldBe(1, "each event is seen once");
    }

    private static string ViewRow(EventStoreDatabase database, string sql, string id)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue($"a row for {id}");
        return string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(column => Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)));
    }
}
