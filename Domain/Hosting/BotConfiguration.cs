using TradingBot.Acceptance.Domain.Chain;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The configuration file of the bot as a process (JSON, read by <see cref="ConfigurationFile"/>): where the
/// chain node and the orderbook are, the broker (Alpaca's Broker API) and the pacing in seconds.
/// </summary>
public sealed record BotConfiguration
{
    /// <summary>The node's WebSocket JSON-RPC endpoint, e.g. <c>wss://base-mainnet.example/ws</c>.</summary>
    public required Uri WsRpcUrl { get; init; }

    public required string Orderbook { get; init; }

    /// <summary>The owner of the bot's orders in the orderbook.</summary>
    public required string OrderOwner { get; init; }

    public long DeploymentBlock { get; init; }

    public int RequiredConfirmations { get; init; } = 3;

    /// <summary>How often the stall watchdog asks the node's tip.</summary>
    public double WatchdogIntervalSeconds { get; init; } = 5;

    public required AlpacaSection Alpaca { get; init; }

    public double OrderStatusIntervalSeconds { get; init; } = 15;

    public double PositionCheckIntervalSeconds { get; init; } = 60;

    /// <summary>How long other instances leave an order being placed to its placer (see HedgingGuards).</summary>
    public double PlacementDeadlineSeconds { get; init; } = 180;

    public double RequestTimeoutSeconds { get; init; } = 30;

    /// <exception cref="BotConfigurationException">The file is missing or not a valid configuration.</exception>
    public static BotConfiguration Load(string path) => ConfigurationFile.Read<BotConfiguration>(path);

    /// <summary>The hosted bot's options; the jitter of the status polls is a third of their interval.</summary>
    public BotOptions ToOptions() => new()
    {
        Chain = new ChainReaderOptions(WsRpcUrl, new OrderbookSettings(Orderbook, OrderOwner, DeploymentBlock, RequiredConfirmations))
        {
            WatchdogInterval = TimeSpan.FromSeconds(WatchdogIntervalSeconds),
            RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
        },
        OrderStatusInterval = TimeSpan.FromSeconds(OrderStatusIntervalSeconds),
        OrderStatusMaxJitter = TimeSpan.FromSeconds(OrderStatusIntervalSeconds / 3),
        PositionCheckInterval = TimeSpan.FromSeconds(PositionCheckIntervalSeconds),
        PlacementDeadline = TimeSpan.FromSeconds(PlacementDeadlineSeconds),
    };
}

/// <summary>The Alpaca Broker API the bot hedges on; <see cref="ToString"/> keeps the secret out of logs.</summary>
public sealed record AlpacaSection(Uri BaseUrl, string ApiKey, string ApiSecret, string AccountId)
{
    public override string ToString() => $"Alpaca Broker API at {BaseUrl}, account {AccountId}, key ***";
}
