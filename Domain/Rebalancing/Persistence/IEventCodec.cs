namespace TradingBot.Acceptance.Domain.Rebalancing.Persistence;

/// <summary>Names events by their versioned stored name (never the CLR name) and converts their JSON payloads.</summary>
public interface IEventCodec<TEvent>
{
    /// <summary>The variant name, e.g. <c>MintRequested</c>.</summary>
    string Name(TEvent domainEvent);

    /// <summary>The externally tagged payload, e.g. <c>{"MintRequested":{…}}</c>.</summary>
    string Serialize(TEvent domainEvent);

    /// <summary>Reads a payload back; a payload that does not parse is a corrupt stream (exception).</summary>
    TEvent Deserialize(string payload);
}
