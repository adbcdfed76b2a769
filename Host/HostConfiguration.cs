using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingBot.Host;

/// <summary>
/// The bot's configuration file (JSON): where the chain feed is, the broker (Alpaca's Broker API) and the
/// pacing. A missing or malformed field stops the start with the file and the field named.
/// </summary>
public sealed record HostConfiguration
{
    public required Uri ChainFeed { get; init; }

    public long DeploymentBlock { get; init; }

    public required AlpacaSection Alpaca { get; init; }

    public double OrderStatusIntervalSeconds { get; init; } = 15;

    public double PositionCheckIntervalSeconds { get; init; } = 60;

    /// <summary>How long other instances leave an order being placed to its placer (see HedgingGuards).</summary>
    public double PlacementDeadlineSeconds { get; init; } = 180;

    public double RequestTimeoutSeconds { get; init; } = 30;

    public static HostConfiguration Load(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            return JsonSerializer.Deserialize<HostConfiguration>(file, Json)
                ?? throw new InvalidDataException($"Configuration file {path} is empty.");
        }
        catch (JsonException invalid)
        {
            throw new InvalidDataException($"Configuration file {path}: {invalid.Message}", invalid);
        }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };
}

/// <summary>The Alpaca Broker API the bot hedges on; <see cref="ToString"/> keeps the secret out of logs.</summary>
public sealed record AlpacaSection(Uri BaseUrl, string ApiKey, string ApiSecret, string AccountId)
{
    public override string ToString() => $"Alpaca Broker API at {BaseUrl}, account {AccountId}, key ***";
}
