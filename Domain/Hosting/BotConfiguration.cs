namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The configuration file of the bot as a process (JSON, read by <see cref="ConfigurationFile"/>): where the
/// chain feed is, the broker (Alpaca's Broker API) and the pacing in seconds.
/// </summary>
public sealed record BotConfiguration
{
    public required Uri ChainFeed { get; init; }

    public long DeploymentBlock { get; init; }

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
        ChainFeed = ChainFeed,
        DeploymentBlock = DeploymentBlock,
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
