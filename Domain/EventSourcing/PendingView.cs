namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// A view row a unit of work still has to write, with the aggregate's newest state: an aggregate may change
/// several times in one unit, and its row is written once, at the end of the item.
/// </summary>
internal abstract class PendingView
{
    public abstract void Write(UnitOfWork unit);
}

/// <summary>The row of one aggregate's view at one version.</summary>
internal sealed class PendingView<TState, TEvent>(IAggregate<TState, TEvent> aggregate, string view, string aggregateId, long version, TState state)
    : PendingView
    where TState : class
{
    public override void Write(UnitOfWork unit) => unit.UpsertView(aggregate, view, aggregateId, version, state);
}
