namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>Runs after a commit and sees every event of it; its own failures never undo the commit.</summary>
public interface IEventReactor
{
    /// <summary>Reacts to the events of one committed transaction, in append order.</summary>
    Task ReactAsync(IReadOnlyList<CommittedEvent> events, CancellationToken cancellationToken);
}
