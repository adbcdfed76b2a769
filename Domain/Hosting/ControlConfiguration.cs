using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Risk;

namespace TradingBot.Acceptance.Domain.Hosting;

/// <summary>
/// The pre-trade controls and brokers as a configuration file spells them (DOMAIN §14): <c>orderLimitUsd</c>,
/// <c>dailyLimitUsd</c>, <c>killSwitchAfterFailures</c>, <c>autoResetDaily</c>, <c>broker</c> and
/// <c>fallbackBroker</c>. A limit set to null is no limit; a negative or zero one, an unknown broker, a fallback
/// equal to the main broker or the dry-run broker as a fallback are refused naming the key.
/// </summary>
public static class ControlConfiguration
{
    public const string OrderLimitKey = "orderLimitUsd";
    public const string DailyLimitKey = "dailyLimitUsd";
    public const string FailuresKey = "killSwitchAfterFailures";
    public const string BrokerKey = "broker";
    public const string FallbackBrokerKey = "fallbackBroker";

    /// <summary>The broker names a configuration may use.</summary>
    public static readonly IReadOnlyList<string> BrokerNames = ["alpaca", "schwab", "dry-run"];

    public static RiskSettings Risk(decimal? orderLimitUsd, decimal? dailyLimitUsd, int? killSwitchAfterFailures, bool autoResetDaily) => new()
    {
        OrderLimit = orderLimitUsd is { } order ? RiskSettings.Limit(OrderLimitKey, order) : null,
        DailyLimit = dailyLimitUsd is { } daily ? RiskSettings.Limit(DailyLimitKey, daily) : null,
        KillSwitchAfterFailures = killSwitchAfterFailures is { } failures
            ? failures >= 1 ? failures : throw new RiskSettingException(FailuresKey, $"\"{FailuresKey}\" must be a whole number of at least 1, was {failures}")
            : null,
        AutoResetDaily = autoResetDaily,
    };

    /// <summary>The main broker and the fallback one, if any, by name.</summary>
    public static (SupportedExecutor Main, SupportedExecutor? Fallback) Brokers(string broker, string? fallbackBroker)
    {
        var main = Broker(BrokerKey, broker);
        if (fallbackBroker is null)
            return (main, null);
        var fallback = Broker(FallbackBrokerKey, fallbackBroker);
        if (fallback == SupportedExecutor.DryRun)
            throw new RiskSettingException(FallbackBrokerKey, $"\"{FallbackBrokerKey}\" cannot be the dry-run broker: it would pretend to hedge; use alpaca or schwab");
        if (fallback == main)
            throw new RiskSettingException(FallbackBrokerKey, $"\"{FallbackBrokerKey}\" cannot be the main broker ({fallbackBroker}) itself");
        return (main, fallback);
    }

    private static SupportedExecutor Broker(string key, string name) => name?.Trim().ToLowerInvariant() switch
    {
        "alpaca" => SupportedExecutor.AlpacaBrokerApi,
        "schwab" => SupportedExecutor.Schwab,
        "dry-run" => SupportedExecutor.DryRun,
        _ => throw new RiskSettingException(key, $"\"{key}\" is \"{name}\", not a broker: use {string.Join(", ", BrokerNames)}"),
    };
}
