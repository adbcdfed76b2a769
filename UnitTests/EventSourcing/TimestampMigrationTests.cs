using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.EquityRedemptions;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.InventorySnapshots;
using TradingBot.Acceptance.Domain.OffchainOrders;
using TradingBot.Acceptance.Domain.OnChainTrades;
using TradingBot.Acceptance.Domain.Positions;
using TradingBot.Acceptance.Domain.TokenizedEquityMints;
using TradingBot.Acceptance.Domain.UsdcRebalances;
using TradingBot.Acceptance.Domain.VaultRegistries;

namespace TradingBot.Acceptance.UnitTests.EventSourcing;

/// <summary>
/// A database written before every payload kept its times in one format: the rebalancing aggregates wrote
/// them with the fraction's trailing zeros trimmed. Opened again, it is migrated and every aggregate reads back.
/// </summary>
[TestFixture]
public sealed partial class TimestampMigrationTests
{
    // A quarter second past: the old format wrote ".25Z", the stored one ".2500000Z".
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 15, 0, 0, 250, TimeSpan.Zero);
    private static readonly Symbol Aapl = new("AAPL");
    private static readonly string[] RebalancingTypes = ["TokenizedEquityMint", "EquityRedemption", "UsdcRebalance", "VaultRegistry", "InventorySnapshot"];

    [Test]
    public async Task A_database_written_in_the_old_format_is_migrated_on_open_and_every_aggregate_reads_back()
    {
        var path = Path.Combine(Path.GetTempPath(), $"timestamps-{Guid.NewGuid():N}.db");
        try
        {
            var clock = new FakeTimeProvider(Start);
            Dictionary<string, object?> before;
            Dictionary<long, string> written;
            using (var database = SqliteDatabase.OpenFile(path, clock))
            {
                await WriteEveryAggregateAsync(database, clock);
                before = LoadEveryAggregate(database);
                written = Payloads(database.ConnectionString);
            }

            var old = RewriteAsTheOldCodeDid(path);
            old.Count.ShouldBe(6, "rebalancing events rewritten in the old format");
            old.Values.ShouldAllBe(payload => !payload.Contains(".2500000Z"), "the old format trims the fraction");
            old.Values.ShouldAllBe(payload => payload.Contains(".25Z"), "the old format keeps the digits that count");

            using var reopened = SqliteDatabase.OpenFile(path, clock);
            Payloads(reopened.ConnectionString).ShouldBe(written, "every payload as the current code writes it, byte for byte");
            LoadEveryAggregate(reopened).ShouldBe(before, "every aggregate after the restart");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
        }
    }

    private static async Task WriteEveryAggregateAsync(SqliteDatabase database, TimeProvider clock)
    {
        var trade = new TradeId("0x00000000000000000000000000000000000000000000000000000000000000c3", 1);
        using (var unit = database.BeginWrite())
        {
            unit.Execute(new PositionAggregate(), Aapl.Value, position => PositionDecider.Decide(position, new PositionCommand.AcknowledgeOnChainFill(
                Aapl, new ExecutionThreshold.Shares(new FractionalShares(1m)), trade, new FractionalShares(2m), Direction.Sell, new Usd(100m), Start), Start));
            unit.Execute(new OnChainTradeAggregate(), trade.ToString(), existing => OnChainTradeDecider.Decide(existing, new OnChainTradeCommand.Witness(
                Aapl, new FractionalShares(2m), Direction.Sell, new Usd(100m), 12, Start), Start));
            unit.Execute(new OffchainOrderAggregate(), "1", order => OffchainOrderDecider.Decide(order, new OffchainOrderCommand.Place(
                Aapl, new FractionalShares(2m), Direction.Buy, SupportedExecutor.DryRun, new ClientOrderId(Guid.NewGuid())), Start));
            unit.Commit();
        }

        using var feed = new CommittedEventFeed(database);
        var store = new SqliteAggregateStore(database, clock, feed);
        var none = CancellationToken.None;
        await store.ExecuteAsync(TokenizedEquityMintDecider.Kind, "mint", new TokenizedEquityMintCommand.RequestMint(Aapl, new FractionalShares(30.5m), "0xwallet"), none);
        await store.ExecuteAsync(EquityRedemptionDecider.Kind, "redemption", new EquityRedemptionCommand.SendTokens(Aapl, new FractionalShares(30m), "0xredeem", "0xtx"), none);
        await store.ExecuteAsync(EquityRedemptionDecider.Kind, "redemption", new EquityRedemptionCommand.Detect("req-1"), none);
        await store.ExecuteAsync(UsdcRebalanceDecider.Kind, "usdc", new UsdcRebalanceCommand.InitiateConversion(RebalanceDirection.AlpacaToBase, new Usd(400m), Guid.NewGuid()), none);
        await store.ExecuteAsync(VaultRegistryDecider.Kind, "registry", new VaultRegistryCommand.DiscoverEquityVault("0xtoken", "0xvault", "0xblock", Aapl), none);
        await store.ExecuteAsync(InventorySnapshotDecider.Kind, "inventory", new InventorySnapshotCommand.OnchainEquity(
            ImmutableDictionary<Symbol, FractionalShares>.Empty.Add(Aapl, new FractionalShares(19m))), none);
    }

    // Every aggregate loaded by a fresh unit: its state, as records compare (the inventory's holdings as text).
    private static Dictionary<string, object?> LoadEveryAggregate(SqliteDatabase database)
    {
        using var unit = database.BeginRead();
        return new Dictionary<string, object?>
        {
            ["Position"] = unit.Load(new PositionAggregate(), Aapl.Value).State,
            ["OnChainTrade"] = unit.Load(new OnChainTradeAggregate(), "0x00000000000000000000000000000000000000000000000000000000000000c3:1").State,
            ["OffchainOrder"] = unit.Load(new OffchainOrderAggregate(), "1").State,
            ["TokenizedEquityMint"] = unit.Load(TokenizedEquityMintDecider.Kind, "mint").State,
            ["EquityRedemption"] = unit.Load(EquityRedemptionDecider.Kind, "redemption").State,
            ["UsdcRebalance"] = unit.Load(UsdcRebalanceDecider.Kind, "usdc").State,
            ["VaultRegistry"] = string.Join(",", unit.Load(VaultRegistryDecider.Kind, "registry").State!.EquityVaults.Values),
            ["InventorySnapshot"] = unit.Load(InventorySnapshotDecider.Kind, "inventory").State is { } snapshot
                ? $"{string.Join(",", snapshot.OnchainEquity ?? [])} at {snapshot.LastFetchedAt:O}"
                : null,
        };
    }

    // The old rebalancing codecs wrote "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", and the database knew no migration 3.
    private static Dictionary<long, string> RewriteAsTheOldCodeDid(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var old = Payloads(connection.ConnectionString, $"aggregate_type IN ('{string.Join("', '", RebalancingTypes)}')")
            .ToDictionary(row => row.Key, row => StoredTime().Replace(row.Value, match =>
                DateTimeOffset.Parse(match.Value, CultureInfo.InvariantCulture).UtcDateTime
                    .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)));
        foreach (var (rowid, payload) in old)
            Execute(connection, "UPDATE events SET payload = $payload WHERE rowid = $rowid", ("$payload", payload), ("$rowid", rowid));
        Execute(connection, "DELETE FROM schema_migrations WHERE version = 3");
        return old;
    }

    private static Dictionary<long, string> Payloads(string connectionString, string condition = "1")
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT rowid, payload FROM events WHERE {condition}";
        using var reader = select.ExecuteReader();
        var payloads = new Dictionary<long, string>();
        while (reader.Read())
            payloads[reader.GetInt64(0)] = reader.GetString(1);
        return payloads;
    }

    private static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z")]
    private static partial Regex StoredTime();
}
