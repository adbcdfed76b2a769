using TradingBot.Acceptance.Domain.EventSourcing;
using Event = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceEvent;
using State = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalance;

namespace TradingBot.Acceptance.Domain.UsdcRebalances;

/// <summary>Applies USDC move events: the fact has happened, so no checks beyond the stream's shape.</summary>
public static class UsdcRebalanceEvolution
{
    public static State Evolve(State move, Event @event) =>
        (move, @event) switch
        {
            (State.NotStarted, Event.ConversionInitiated e) =>
                new State.Converting(new UsdcRebalanceFacts(e.Direction, e.Amount) { OrderId = e.OrderId }),
            (State.DepositConfirmed s, Event.ConversionInitiated e) => new State.ConvertingAfterDeposit(s.Facts with { OrderId = e.OrderId }),
            (State.Converting s, Event.ConversionConfirmed e) => new State.ConversionComplete(s.Facts with { FilledAmount = e.FilledAmount }),
            (State.Converting s, Event.ConversionFailed e) => new State.ConversionFailed(s.Facts, e.Reason),
            (State.ConvertingAfterDeposit s, Event.ConversionConfirmed e) =>
                new State.ConvertedAfterDeposit(s.Facts with { FilledAmount = e.FilledAmount }),
            (State.ConvertingAfterDeposit s, Event.ConversionFailed e) => new State.ConversionFailedAfterDeposit(s.Facts, e.Reason),
            (State.NotStarted, Event.Initiated e) =>
                new State.Withdrawing(new UsdcRebalanceFacts(e.Direction, e.Amount) { WithdrawalRef = e.WithdrawalRef, WithdrawnAmount = e.Amount }),
            (State.ConversionComplete s, Event.Initiated e) => new State.Withdrawing(s.Facts with { WithdrawalRef = e.WithdrawalRef, WithdrawnAmount = e.Amount }),
            (State.Withdrawing s, Event.WithdrawalConfirmed) => new State.WithdrawalComplete(s.Facts),
            (State.Withdrawing s, Event.WithdrawalFailed e) => new State.WithdrawalFailed(s.Facts, e.Reason),
            (State.WithdrawalComplete s, Event.BridgingInitiated e) => new State.Bridging(s.Facts with { BurnTxHash = e.BurnTxHash }),
            (State.Bridging s, Event.BridgeAttestationReceived e) =>
                new State.Attested(s.Facts with { Attestation = e.Attestation, CctpNonce = e.CctpNonce }),
            (State.Attested s, Event.Bridged e) => new State.Bridged(
                s.Facts with { MintTxHash = e.MintTxHash, AmountReceived = e.AmountReceived, FeeCollected = e.FeeCollected }),
            (State.WithdrawalComplete or State.Bridging or State.Attested, Event.BridgingFailed e) =>
                new State.BridgingFailed(UsdcRebalanceDecider.FactsOf(move)!, e.Reason),
            (State.Bridged s, Event.DepositInitiated e) => new State.DepositInitiated(s.Facts with { DepositRef = e.DepositRef }),
            (State.DepositInitiated s, Event.DepositConfirmed) => new State.DepositConfirmed(s.Facts),
            (State.Bridged or State.DepositInitiated, Event.DepositFailed e) =>
                new State.DepositFailed(UsdcRebalanceDecider.FactsOf(move)!, e.Reason),
            _ => throw new CorruptStreamException(move, @event),
        };

    /// <summary>Whether the move has ended for the in-progress guard (§4.6).</summary>
    public static bool IsTerminal(State move) => move is State.ConversionFailed or State.WithdrawalFailed
        or State.BridgingFailed or State.DepositFailed or State.ConversionFailedAfterDeposit or State.ConvertedAfterDeposit
        || move is State.DepositConfirmed { Facts.Direction: RebalanceDirection.AlpacaToBase };
}
