using TradingBot.Acceptance.Domain.EventSourcing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.VaultRegistries;
using Command = TradingBot.Acceptance.Domain.VaultRegistries.VaultRegistryCommand;
using Error = TradingBot.Acceptance.Domain.VaultRegistries.VaultRegistryError;
using Event = TradingBot.Acceptance.Domain.VaultRegistries.VaultRegistryEvent;

namespace TradingBot.Acceptance.UnitTests.VaultRegistries;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class VaultRegistryDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    private static readonly Symbol Aapl = new("AAPL");

    private static IReadOnlyList<Event> Decide(Command command, params Event[] history) =>
        VaultRegistryDecider.Decide(VaultRegistryDecider.Kind.Replay(history), command, Now)
            .ShouldBeOfType<Decision<Event, Error>.Accepted>().Events;

    [Test]
    public void A_new_vault_is_discovered_and_found_by_symbol()
    {
        var discovered = Decide(new Command.DiscoverEquityVault("0xToken", "0xvault", "0xtx1", Aapl)).ShouldHaveSingleItem();
        discovered.ShouldBe(new Event.EquityVaultDiscovered("0xToken", "0xvault", "0xtx1", Aapl, Now));
        VaultRegistryDecider.Kind.Replay([discovered]).TokenBySymbol(Aapl).ShouldBe(new EquityVault("0xToken", "0xvault", "0xtx1", Aapl));
        VaultRegistryDecider.Kind.Replay([discovered]).TokenBySymbol(new Symbol("MSFT")).ShouldBeNull("MSFT has no vault");
    }

    [Test]
    public void An_identical_discovery_emits_nothing_and_a_different_one_overwrites()
    {
        var first = new Event.EquityVaultDiscovered("0xToken", "0xvault", "0xtx1", Aapl, Now);
        Decide(new Command.DiscoverEquityVault("0xtoken", "0xvault", "0xtx1", Aapl), first).ShouldBeEmpty("same token, case aside");
        var second = Decide(new Command.DiscoverEquityVault("0xToken", "0xvault2", "0xtx2", Aapl), first).ShouldHaveSingleItem();
        VaultRegistryDecider.Kind.Replay([first, second]).TokenBySymbol(Aapl)!.VaultId.ShouldBe("0xvault2");
    }

    [Test]
    public void The_usdc_vault_is_discovered_once()
    {
        var discovered = Decide(new Command.DiscoverUsdcVault("0xusdc", "0xtx1")).ShouldHaveSingleItem();
        Decide(new Command.DiscoverUsdcVault("0xusdc", "0xtx1"), discovered).ShouldBeEmpty("identical");
        VaultRegistryDecider.Kind.Replay([discovered]).UsdcVault.ShouldBe(new UsdcVault("0xusdc", "0xtx1"));
        var codec = new VaultRegistryEventCodec();
        EventPayload.Read(codec, EventPayload.Write(codec, discovered)).ShouldBe(discovered);
        VaultRegistryDecider.Kind.EventType(discovered).ShouldBe("VaultRegistryEvent::UsdcVaultDiscovered");
    }
}
