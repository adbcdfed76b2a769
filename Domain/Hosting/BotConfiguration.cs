using TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

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

    /// <summary>The operator HTTP API (§14.4); without the section the bot runs without one.</summary>
    public OperatorApiSection? OperatorApi { get; init; }

    /// <exception cref="BotConfigurationException">The file is missing or not a valid configuration.</exception>
    public static BotConfiguration Load(string path) => Parse(path, ConfigurationFile.Read<BotConfiguration>(path));

    /// <exception cref="BotConfigurationException">The text is not a valid configuration.</exception>
    public static BotConfiguration Parse(string path, string json) => Parse(path, ConfigurationFile.Parse<BotConfiguration>(path, json));

    /// <summary>The operator API's settings, or <c>null</c> when the configuration has none or turns it off.</summary>
    /// <exception cref="BotConfigurationException">A setting of the <c>operatorApi</c> section is missing or out of range.</exception>
    public OperatorApiSettings? OperatorApiSettings(string path) => OperatorApi?.ToSettings(path);

    // Checks what the JSON types alone cannot, so that a bad setting stops the bot before it starts.
    private static BotConfiguration Parse(string path, BotConfiguration configuration)
    {
        _ = configuration.OperatorApiSettings(path);
        return configuration;
    }

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
