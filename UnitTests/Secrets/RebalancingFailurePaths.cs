using System.Numerics;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.Rebalancing;
using TradingBot.Acceptance.Domain.Timing;
using TradingBot.Acceptance.Domain.VaultRegistries;
using TradingBot.Acceptance.Support.Fakes;
using TradingBot.Acceptance.Support.Hosting;

namespace TradingBot.Acceptance.UnitTests.Secrets;

/// <summary>
/// The rebalancing moves as the bot runs them, every venue failing: the managers record what went wrong
/// in the event store and write it to their logs, so these runs show what reaches both.
/// </summary>
public static class RebalancingFailurePaths
{
    private const string Token = "0x7aa91000000000000000000000000000000000a1";
    private const string VaultId = "0x00000000000000000000000000000000000000000000000000000000000000a1";

    private static readonly Symbol Aapl = new("AAPL");
    private static readonly BigInteger Tokens80 = BigInteger.Parse("80000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<FailurePath> All { get; } =
    [
        Move("Rebalancing: mint (tokenization)", onchain: 19m, offchain: 80m, usdc: false),
        Move("Rebalancing: redemption (tokenization)", onchain: 80m, offchain: 20m, usdc: false),
        Move("Rebalancing: USDC to Base (conversion, wallet)", onchain: 100m, offchain: 900m, usdc: true),
        Move("Rebalancing: USDC to Alpaca (Circle, wallet)", onchain: 900m, offchain: 100m, usdc: true),
    ];

    private static FailurePath Move(string name, decimal onchain, decimal offchain, bool usdc) =>
        new(name, _ => true, run => RunAsync(run, onchain, offchain, usdc));

    private static async Task<object?> RunAsync(PathRun run, decimal onchain, decimal offchain, bool usdc)
    {
        var config = RebalancingHost.DefaultConfig;
        var chain = new OnchainPortsFake();
        var wait = new ClockWait(run.Clock);
        var ports = new RebalancingPorts(
            VenueFailurePaths.Tokenization(run), VenueFailurePaths.WalletClient(run), VenueFailurePaths.Conversion(run), VenueFailurePaths.Circle(run),
            chain.Bridge.Object, chain.Vault.Object, chain.Erc20.Object);
        using var side = BotComposition.Rebalancing(run.Database, run.Clock, config, ports, wait, run.Loggers);
        if (usdc)
        {
            side.Inventory.Set(new InventoryAsset.Usdc(), onchain, offchain);
            chain.Holds(UsdcTokenAddresses.Base, config.UsdcVaultId, new BigInteger(onchain * 1_000_000m));
            side.Trigger.CheckAndTriggerUsdc();
        }
        else
        {
            chain.Names(Token, Aapl);
            await side.Store.ExecuteAsync(VaultRegistryDecider.Kind, config.RegistryId,
                new VaultRegistryCommand.DiscoverEquityVault(Token, VaultId, "0x" + new string('0', 63) + "1", Aapl), CancellationToken.None);
            side.Inventory.Set(new InventoryAsset.Equity(Aapl), onchain, offchain);
            chain.Holds(Token, VaultId, Tokens80);
            await side.Trigger.CheckAndTriggerEquityAsync(Aapl, CancellationToken.None);
        }
        var sent = string.Join(", ", side.Trigger.SentOperations);
        await run.Clock.RunUntilCompleteAsync(side.Rebalancer.DrainAsync(CancellationToken.None));
        return $"operations sent: {sent}";
    }
}
