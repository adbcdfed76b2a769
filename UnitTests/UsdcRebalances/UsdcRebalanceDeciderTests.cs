using TradingBot.Acceptance.Domain.EventSourcing;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.UsdcRebalances;
using Command = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceCommand;
using Error = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceError;
using Event = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceEvent;
using State = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalance;

namespace TradingBot.Acceptance.UnitTests.UsdcRebalances;

[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class UsdcRebalanceDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid OrderId = Guid.Parse("6a3c1e2d-0000-4000-8000-000000000001");
    private static readonly Guid TransferId = Guid.Parse("7b4d2f3e-0000-4000-8000-000000000002");
    private static readonly Usd Four = new(400m);
    private static readonly Event ConversionInitiated = new Event.ConversionInitiated(RebalanceDirection.AlpacaToBase, Four, OrderId, Now);
    private static readonly Event ConversionConfirmed = new Event.ConversionConfirmed(RebalanceDirection.AlpacaToBase, Four, Now);
    private static readonly Event Initiated = new Event.Initiated(RebalanceDirection.AlpacaToBase, Four, new TransferRef.AlpacaId(TransferId), Now);
    private static readonly Event WithdrawalConfirmed = new Event.WithdrawalConfirmed(Now);
    private static readonly Event BridgingInitiated = new Event.BridgingInitiated("0xburn", Now);
    private static readonly Event Attested = new Event.BridgeAttestationReceived("0xattestation", "0xnonce", Now);
    private static readonly Event Bridged = new Event.Bridged("0xmint", new Usd(399.96m), new Usd(0.04m), Now);
    private static readonly Event BaseInitiated = new Event.Initiated(RebalanceDirection.BaseToAlpaca, Four, new TransferRef.OnchainTx("0xwithdraw"), Now);
    private static readonly Event DepositInitiated = new Event.DepositInitiated(new TransferRef.OnchainTx("0xsend"), Now);

    private static readonly Event[] AlpacaToBaseBridged =
        [ConversionInitiated, ConversionConfirmed, Initiated, WithdrawalConfirmed, BridgingInitiated, Attested, Bridged];

    private static readonly Event[] BaseToAlpacaDeposited =
        [BaseInitiated, WithdrawalConfirmed, BridgingInitiated, Attested, Bridged, DepositInitiated,
            new Event.DepositConfirmed(RebalanceDirection.BaseToAlpaca, Now)];

    private static Decision<Event, Error> Decide(Command command, params Event[] history) =>
        UsdcRebalanceDecider.Decide(UsdcRebalanceDecider.Kind.Replay(history), command, Now);

    private static Event Single(Command command, params Event[] history) =>
        Decide(command, history).ShouldBeOfType<Decision<Event, Error>.Accepted>().Events.ShouldHaveSingleItem();

    private static Error Rejected(Command command, params Event[] history) =>
        Decide(command, history).ShouldBeOfType<Decision<Event, Error>.Rejected>().Error;

    [Test]
    public void Alpaca_to_Base_runs_from_conversion_to_deposit_and_ends_at_DepositConfirmed()
    {
        Single(new Command.InitiateConversion(RebalanceDirection.AlpacaToBase, Four, OrderId)).ShouldBe(ConversionInitiated);
        Single(new Command.ConfirmConversion(Four), ConversionInitiated).ShouldBe(ConversionConfirmed);
        Single(new Command.Initiate(RebalanceDirection.AlpacaToBase, Four, new TransferRef.AlpacaId(TransferId)), ConversionInitiated, ConversionConfirmed)
            .ShouldBe(Initiated);
        Single(new Command.ConfirmWithdrawal(), ConversionInitiated, ConversionConfirmed, Initiated).ShouldBe(WithdrawalConfirmed);
        Single(new Command.InitiateBridging("0xburn"), AlpacaToBaseBridged[..4]).ShouldBe(BridgingInitiated);
        Single(new Command.ReceiveAttestation("0xattestation", "0xnonce"), AlpacaToBaseBridged[..5]).ShouldBe(Attested);
        Single(new Command.ConfirmBridging("0xmint", new Usd(399.96m), new Usd(0.04m)), AlpacaToBaseBridged[..6]).ShouldBe(Bridged);
        Single(new Command.InitiateDeposit(new TransferRef.OnchainTx("0xsend")), AlpacaToBaseBridged).ShouldBe(DepositInitiated);
        var confirmed = Single(new Command.ConfirmDeposit(), [.. AlpacaToBaseBridged, DepositInitiated]);
        confirmed.ShouldBe(new Event.DepositConfirmed(RebalanceDirection.AlpacaToBase, Now));
        UsdcRebalanceEvolution.IsTerminal(UsdcRebalanceDecider.Kind.Replay([.. AlpacaToBaseBridged, DepositInitiated, confirmed]))
            .ShouldBeTrue("AlpacaToBase ends at DepositConfirmed");
    }

    [Test]
    public void Base_to_Alpaca_is_not_done_at_DepositConfirmed_but_after_the_conversion()
    {
        UsdcRebalanceEvolution.IsTerminal(UsdcRebalanceDecider.Kind.Replay(BaseToAlpacaDeposited)).ShouldBeFalse("BaseToAlpaca still converts");
        var conversion = Single(new Command.InitiatePostDepositConversion(OrderId, new Usd(399.96m)), BaseToAlpacaDeposited);
        conversion.ShouldBe(new Event.ConversionInitiated(RebalanceDirection.BaseToAlpaca, new Usd(399.96m), OrderId, Now));
        var converted = Single(new Command.ConfirmConversion(new Usd(399.96m)), [.. BaseToAlpacaDeposited, conversion]);
        UsdcRebalanceEvolution.IsTerminal(UsdcRebalanceDecider.Kind.Replay([.. BaseToAlpacaDeposited, conversion, converted])).ShouldBeTrue();
    }

    [Test]
    public void Bridging_can_fail_right_after_the_withdrawal_and_a_deposit_right_after_bridging()
    {
        Single(new Command.FailBridging("Burn failed: reverted"), AlpacaToBaseBridged[..4])
            .ShouldBe(new Event.BridgingFailed(null, null, "Burn failed: reverted", Now));
        Single(new Command.FailBridging("Attestation polling failed"), AlpacaToBaseBridged[..5])
            .ShouldBe(new Event.BridgingFailed("0xburn", null, "Attestation polling failed", Now));
        Single(new Command.FailDeposit("Vault deposit failed"), AlpacaToBaseBridged).ShouldBe(new Event.DepositFailed(null, "Vault deposit failed", Now));
        Single(new Command.FailDeposit("FAILED"), [.. AlpacaToBaseBridged, DepositInitiated])
            .ShouldBe(new Event.DepositFailed(new TransferRef.OnchainTx("0xsend"), "FAILED", Now));
    }

    [Test]
    public void Commands_too_early_or_too_late_name_the_rule()
    {
        Rejected(new Command.ConfirmConversion(Four)).ShouldBeOfType<Error.ConversionNotInitiated>();
        Rejected(new Command.ConfirmConversion(Four), ConversionInitiated, ConversionConfirmed).ShouldBeOfType<Error.ConversionAlreadyCompleted>();
        Rejected(new Command.InitiateConversion(RebalanceDirection.AlpacaToBase, Four, OrderId), ConversionInitiated).ShouldBeOfType<Error.AlreadyInitiated>();
        Rejected(new Command.Initiate(RebalanceDirection.AlpacaToBase, new Usd(399m), new TransferRef.AlpacaId(TransferId)),
            ConversionInitiated, ConversionConfirmed).ShouldBeOfType<Error.InvalidCommand>();
        Rejected(new Command.Initiate(RebalanceDirection.AlpacaToBase, Four, new TransferRef.AlpacaId(TransferId)), AlpacaToBaseBridged[..3])
            .ShouldBeOfType<Error.AlreadyInitiated>();
        Rejected(new Command.ConfirmWithdrawal(), ConversionInitiated).ShouldBeOfType<Error.WithdrawalNotInitiated>();
        Rejected(new Command.FailWithdrawal("x"), AlpacaToBaseBridged[..4]).ShouldBeOfType<Error.WithdrawalAlreadyCompleted>();
        Rejected(new Command.InitiateBridging("0x"), AlpacaToBaseBridged[..3]).ShouldBeOfType<Error.WithdrawalNotConfirmed>();
        Rejected(new Command.FailBridging("x"), AlpacaToBaseBridged[..3]).ShouldBeOfType<Error.WithdrawalNotConfirmed>();
        Rejected(new Command.FailBridging("x"), AlpacaToBaseBridged).ShouldBeOfType<Error.BridgingAlreadyCompleted>();
        Rejected(new Command.ReceiveAttestation("a", "n"), AlpacaToBaseBridged[..4]).ShouldBeOfType<Error.BridgingNotInitiated>();
        Rejected(new Command.ConfirmBridging("0x", Four, new Usd(0m)), AlpacaToBaseBridged[..5]).ShouldBeOfType<Error.AttestationNotReceived>();
        Rejected(new Command.ConfirmBridging("0x", Four, new Usd(0m)), AlpacaToBaseBridged).ShouldBeOfType<Error.BridgingAlreadyCompleted>();
        Rejected(new Command.InitiateDeposit(new TransferRef.OnchainTx("0x")), AlpacaToBaseBridged[..6]).ShouldBeOfType<Error.BridgingNotCompleted>();
        Rejected(new Command.ConfirmDeposit(), AlpacaToBaseBridged).ShouldBeOfType<Error.DepositNotInitiated>();
        Rejected(new Command.FailDeposit("x"), AlpacaToBaseBridged[..6]).ShouldBeOfType<Error.BridgingNotCompleted>();
    }

    [Test]
    public void A_post_deposit_conversion_needs_BaseToAlpaca_the_received_amount_and_a_confirmed_deposit()
    {
        Rejected(new Command.InitiatePostDepositConversion(OrderId, new Usd(399.96m)), [.. AlpacaToBaseBridged, DepositInitiated,
            new Event.DepositConfirmed(RebalanceDirection.AlpacaToBase, Now)]).ShouldBeOfType<Error.WrongDirectionForPostDepositConversion>();
        Rejected(new Command.InitiatePostDepositConversion(OrderId, Four), BaseToAlpacaDeposited)
            .ShouldBe(new Error.ConversionAmountMismatch(399.96m, 400m));
        Rejected(new Command.InitiatePostDepositConversion(OrderId, new Usd(399.96m)), BaseToAlpacaDeposited[..6])
            .ShouldBeOfType<Error.DepositNotConfirmed>();
    }

    [Test]
    public void Events_round_trip_with_tagged_transfer_references()
    {
        var codec = new UsdcRebalanceEventCodec();
        EventPayload.Write(codec, Initiated).ShouldBe(
            $"{{\"Initiated\":{{\"direction\":\"AlpacaToBase\",\"amount\":\"400\",\"withdrawal_ref\":{{\"AlpacaId\":\"{TransferId}\"}},\"initiated_at\":\"2026-11-25T15:00:00.0000000Z\"}}}}");
        EventPayload.Write(codec, Bridged).ShouldContain("\"amount_received\":\"399.96\",\"fee_collected\":\"0.04\"");
        UsdcRebalanceDecider.Kind.EventType(Attested).ShouldBe("UsdcRebalanceEvent::BridgeAttestationReceived");
        Event[] all = [.. AlpacaToBaseBridged, DepositInitiated, new Event.DepositConfirmed(RebalanceDirection.AlpacaToBase, Now),
            new Event.ConversionFailed("x", Now), new Event.WithdrawalFailed("x", Now), new Event.BridgingFailed(null, "0xn", "x", Now),
            new Event.DepositFailed(null, "x", Now), BaseInitiated];
        foreach (var @event in all)
            EventPayload.Read(codec, EventPayload.Write(codec, @event)).ShouldBe(@event, codec.EventName(@event));
        UsdcRebalanceDecider.Kind.Replay(AlpacaToBaseBridged).ShouldBeOfType<State.Bridged>().Facts.WithdrawnAmount.ShouldBe(Four);
    }
}
