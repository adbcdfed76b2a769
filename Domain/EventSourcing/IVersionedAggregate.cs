namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>Which aggregate a <see cref="LoadedAggregate{TState}"/> is and the version it was folded to, whatever its state type.</summary>
internal interface IVersionedAggregate
{
    string AggregateType { get; }

    string AggregateId { get; }

    long Version { get; }

    /// <summary>Its state is live and settled (<see cref="ISettledState"/>): the cache keeps it only among the latest to settle.</summary>
    bool IsSettled { get; }
}
