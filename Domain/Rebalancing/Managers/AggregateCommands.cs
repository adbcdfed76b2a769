using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;

namespace TradingBot.Acceptance.Domain.Rebalancing.Managers;

/// <summary>Sends a workflow's commands to its one aggregate; a rejection is logged and reported as false.</summary>
public sealed class AggregateCommands<TState, TCommand, TEvent, TError>(
    IAggregateStore store, AggregateKind<TState, TCommand, TEvent, TError> kind, string aggregateId, ILogger logger)
    where TState : class
    where TEvent : notnull
    where TCommand : notnull
{
    public async Task<bool> ExecuteAsync(TCommand command, CancellationToken cancellationToken)
    {
        var outcome = await store.ExecuteAsync(kind, aggregateId, command, cancellationToken);
        if (outcome is Decision<TEvent, TError>.Rejected rejected)
        {
            logger.CommandRejected(command.GetType().Name, kind.AggregateType, aggregateId, rejected.Error?.ToString() ?? "");
            return false;
        }
        return true;
    }
}
