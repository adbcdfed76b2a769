using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hedging;
using TradingBot.Acceptance.Domain.OffchainOrders;

namespace TradingBot.Acceptance.Domain.OrderStatus;

/// <summary>
/// What a poll cycle records for one order, and the slot of its outcome: either a readable status the broker
/// reported on an acknowledged order (most answers of a cycle), held as it is and recorded by the recorder, with
/// no closure made per order; or any other <see cref="Record"/> (a lookup by client order id, a late fill).
/// </summary>
internal readonly record struct PolledAnswer(
    int Slot, Symbol Symbol, ExecutionId ExecutionId, OrderTerms? Terms, BrokerOrderId BrokerOrderId, BrokerOrderState? State,
    Func<UnitOfWork, ExecutionOutcome>? Record)
{
    public static PolledAnswer ForStatus(int slot, ExecutionId executionId, OrderTerms terms, BrokerOrderId brokerOrderId, BrokerOrderState state) =>
        new(slot, terms.Symbol, executionId, terms, brokerOrderId, state, null);

    public static PolledAnswer ForRecord(int slot, Symbol symbol, Func<UnitOfWork, ExecutionOutcome> record) => new(slot, symbol, default, null, default, null, record);

    public ExecutionOutcome RecordIn(UnitOfWork unit, ExecutionRecorder recorder) =>
        Record is { } record ? record(unit) : recorder.RecordStatus(unit, ExecutionId, Terms!, BrokerOrderId, State!);
}
