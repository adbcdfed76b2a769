using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Finance;

namespace TradingBot.Acceptance.Domain.Hedging;

/// <summary>
/// The broker's answers to the queue processor's placements that this process has had and not yet recorded
/// (docs/domain.md §6.3): the write transaction that follows records them first, the next batch's or the
/// poller's, or one of their own when the queue has nothing left. Until then their placements stay under way,
/// so no poller looks those orders up. An answer lost in a crash is not lost to the bot: its order is still
/// <c>Pending</c> and is found by its client order id once its placement deadline has passed.
/// </summary>
internal sealed class UnrecordedAnswers
{
    private readonly Lock gate = new();
    private List<BrokerAnswer> answers = [];

    public bool IsEmpty
    {
        get
        {
            lock (gate)
                return answers.Count == 0;
        }
    }

    public void Add(IEnumerable<BrokerAnswer> more)
    {
        lock (gate)
            answers.AddRange(more);
    }

    /// <summary>Every answer waiting, now the caller's to record (or to give back with <see cref="Add"/>).</summary>
    public List<BrokerAnswer> TakeAll()
    {
        lock (gate)
        {
            var taken = answers;
            answers = [];
            return taken;
        }
    }
}

/// <summary>
/// What the broker said to one placement: <paramref name="Accepted"/> is its order id when it took the order,
/// <paramref name="Outcome"/> what the caller reports, <paramref name="Record"/> how it is written.
/// </summary>
internal sealed record BrokerAnswer(ExecutionId ExecutionId, Symbol Symbol, BrokerOrderId? Accepted, ExecutionOutcome Outcome, Func<UnitOfWork, ExecutionOutcome> Record);
