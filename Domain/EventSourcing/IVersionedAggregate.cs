namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>Which aggregate a <see cref="LoadedAggregate{TState}"/> is and the version it was folded to, whatever its state type.</summary>
internal interface IVersionedAggregate
{
    string AggregateType { get; }

    string AggregateId { get; }

    long Version { get; }
}
