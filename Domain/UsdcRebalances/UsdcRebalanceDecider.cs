using TradingBot.Acceptance.Domain.EventSourcing;
using Command = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceCommand;
using Error = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceError;
using Event = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceEvent;
using State = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalance;

namespace TradingBot.Acceptance.Domain.UsdcRebalances;

public static class UsdcRebalanceDecider
{
    public static readonly AggregateKind<State, Command, Event, Error> Kind =
        new("UsdcRebalance", new State.NotStarted(), Decide, UsdcRebalanceEvolution.Evolve, new UsdcRebalanceEventCodec())
        {
            ViewTable = UsdcRebalanceView.Table,
            View = UsdcRebalanceView.Write,
        };

    // Ranks order the states along the workflow so "too early" and "too late" read as a comparison;
    // a failed state ranks just after the step it failed in.
    private const int WithdrawingRank = 6;
    private const int WithdrawalCompleteRank = 8;
    private const int BridgingRank = 10;
    private const int AttestedRank = 12;
    private const int BridgedRank = 14;
    private const int DepositInitiatedRank = 16;

    public static Decision<Event, Error> Decide(State move, Command command, DateTimeOffset now) =>
        command switch
        {
            Command.InitiateConversion initiate => move is State.NotStarted
                ? Accept(new Event.ConversionInitiated(initiate.Direction, initiate.Amount, initiate.OrderId, now))
                : Reject(new Error.AlreadyInitiated()),
            Command.ConfirmConversion or Command.FailConversion => DecideConversionOutcome(move, command, now),
            Command.Initiate initiate => DecideInitiate(move, initiate, now),
            Command.ConfirmWithdrawal => Step(move, WithdrawingRank, () => new Event.WithdrawalConfirmed(now),
                new Error.WithdrawalNotInitiated(), new Error.WithdrawalAlreadyCompleted()),
            Command.FailWithdrawal fail => Step(move, WithdrawingRank, () => new Event.WithdrawalFailed(fail.Reason, now),
                new Error.WithdrawalNotInitiated(), new Error.WithdrawalAlreadyCompleted()),
            Command.InitiateBridging bridging => Step(move, WithdrawalCompleteRank,
                () => new Event.BridgingInitiated(bridging.BurnTxHash, now),
                new Error.WithdrawalNotConfirmed(), new Error.InvalidCommand("bridging was already initiated")),
            Command.ReceiveAttestation attestation => Step(move, BridgingRank,
                () => new Event.BridgeAttestationReceived(attestation.Attestation, attestation.CctpNonce, now),
                new Error.BridgingNotInitiated(), new Error.BridgingAlreadyCompleted()),
            Command.ConfirmBridging bridged => Step(move, AttestedRank,
                () => new Event.Bridged(bridged.MintTxHash, bridged.AmountReceived, bridged.FeeCollected, now),
                new Error.AttestationNotReceived(), new Error.BridgingAlreadyCompleted()),
            Command.FailBridging fail => DecideFailBridging(move, fail, now),
            Command.InitiateDeposit deposit => Step(move, BridgedRank, () => new Event.DepositInitiated(deposit.DepositRef, now),
                new Error.BridgingNotCompleted(), new Error.InvalidCommand("the deposit was already initiated")),
            Command.ConfirmDeposit => Step(move, DepositInitiatedRank,
                () => new Event.DepositConfirmed(FactsOf(move)!.Direction, now),
                new Error.DepositNotInitiated(), new Error.InvalidCommand("the deposit already ended")),
            Command.FailDeposit fail => DecideFailDeposit(move, fail, now),
            Command.InitiatePostDepositConversion conversion => DecidePostDepositConversion(move, conversion, now),
            _ => Reject(new Error.InvalidCommand($"unknown command {command.GetType().Name}")),
        };

    private static Decision<Event, Error> DecideConversionOutcome(State move, Command command, DateTimeOffset now)
    {
        if (move is State.Converting or State.ConvertingAfterDeposit)
            return command is Command.ConfirmConversion confirm
                ? Accept(new Event.ConversionConfirmed(FactsOf(move)!.Direction, confirm.FilledAmount, now))
                : Accept(new Event.ConversionFailed(((Command.FailConversion)command).Reason, now));
        return move is State.NotStarted or State.DepositConfirmed
            ? Reject(new Error.ConversionNotInitiated())
            : Reject(new Error.ConversionAlreadyCompleted());
    }

    private static Decision<Event, Error> DecideInitiate(State move, Command.Initiate initiate, DateTimeOffset now)
    {
        var initiated = new Event.Initiated(initiate.Direction, initiate.Amount, initiate.WithdrawalRef, now);
        return move switch
        {
            State.NotStarted => Accept(initiated),
            State.ConversionComplete converted when converted.Facts.Direction == initiate.Direction
                && converted.Facts.FilledAmount?.Value == initiate.Amount.Value => Accept(initiated),
            State.ConversionComplete converted => Reject(new Error.InvalidCommand(
                $"the withdrawal of {initiate.Amount} {initiate.Direction} does not match the conversion of "
                + $"{converted.Facts.FilledAmount} {converted.Facts.Direction}")),
            _ => Reject(new Error.AlreadyInitiated()),
        };
    }

    private static Decision<Event, Error> DecideFailBridging(State move, Command.FailBridging fail, DateTimeOffset now)
    {
        if (move is State.WithdrawalComplete or State.Bridging or State.Attested)
        {
            var facts = FactsOf(move)!;
            return Accept(new Event.BridgingFailed(facts.BurnTxHash, facts.CctpNonce, fail.Reason, now));
        }
        return Rank(move) < WithdrawalCompleteRank
            ? Reject(new Error.WithdrawalNotConfirmed())
            : Reject(new Error.BridgingAlreadyCompleted());
    }

    private static Decision<Event, Error> DecideFailDeposit(State move, Command.FailDeposit fail, DateTimeOffset now)
    {
        if (move is State.Bridged or State.DepositInitiated)
            return Accept(new Event.DepositFailed(FactsOf(move)!.DepositRef, fail.Reason, now));
        return Rank(move) < BridgedRank
            ? Reject(new Error.BridgingNotCompleted())
            : Reject(new Error.InvalidCommand("the deposit already ended"));
    }

    private static Decision<Event, Error> DecidePostDepositConversion(
        State move, Command.InitiatePostDepositConversion conversion, DateTimeOffset now) =>
        move switch
        {
            State.DepositConfirmed { Facts.Direction: not RebalanceDirection.BaseToAlpaca } =>
                Reject(new Error.WrongDirectionForPostDepositConversion()),
            State.DepositConfirmed confirmed when confirmed.Facts.AmountReceived?.Value != conversion.Amount.Value =>
                Reject(new Error.ConversionAmountMismatch(confirmed.Facts.AmountReceived?.Value ?? 0m, conversion.Amount.Value)),
            State.DepositConfirmed confirmed =>
                Accept(new Event.ConversionInitiated(confirmed.Facts.Direction, conversion.Amount, conversion.OrderId, now)),
            _ => Reject(new Error.DepositNotConfirmed()),
        };

    private static Decision<Event, Error> Step(State move, int requiredRank, Func<Event> accepted, Error tooEarly, Error tooLate)
    {
        var rank = Rank(move);
        return rank == requiredRank ? Accept(accepted()) : Reject(rank < requiredRank ? tooEarly : tooLate);
    }

    private static int Rank(State move) => move switch
    {
        State.NotStarted => 0,
        State.Converting => 2,
        State.ConversionComplete => 4,
        State.ConversionFailed => 5,
        State.Withdrawing => WithdrawingRank,
        State.WithdrawalComplete => WithdrawalCompleteRank,
        State.WithdrawalFailed => WithdrawalCompleteRank + 1,
        State.Bridging => BridgingRank,
        State.Attested => AttestedRank,
        State.Bridged => BridgedRank,
        State.BridgingFailed => BridgedRank + 1,
        State.DepositInitiated => DepositInitiatedRank,
        State.DepositConfirmed => 18,
        State.DepositFailed => 19,
        State.ConvertingAfterDeposit => 20,
        _ => 22,
    };

    public static UsdcRebalanceFacts? FactsOf(State move) => move switch
    {
        State.Converting s => s.Facts,
        State.ConversionComplete s => s.Facts,
        State.ConversionFailed s => s.Facts,
        State.Withdrawing s => s.Facts,
        State.WithdrawalComplete s => s.Facts,
        State.WithdrawalFailed s => s.Facts,
        State.Bridging s => s.Facts,
        State.Attested s => s.Facts,
        State.Bridged s => s.Facts,
        State.BridgingFailed s => s.Facts,
        State.DepositInitiated s => s.Facts,
        State.DepositConfirmed s => s.Facts,
        State.DepositFailed s => s.Facts,
        State.ConvertingAfterDeposit s => s.Facts,
        State.ConvertedAfterDeposit s => s.Facts,
        State.ConversionFailedAfterDeposit s => s.Facts,
        _ => null,
    };

    private static Decision<Event, Error> Accept(Event @event) => new Decision<Event, Error>.Accepted([@event]);

    private static Decision<Event, Error> Reject(Error error) => new Decision<Event, Error>.Rejected(error);
}
