using Microsoft.Extensions.Logging;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>The rebalancing log lines, generated so that they cost nothing when the level is off.</summary>
public static partial class RebalancingLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory operation on {Asset} skipped: {Error}")]
    public static partial void InventoryOperationSkipped(this ILogger logger, InventoryAsset asset, InventoryError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebalancing channel full: {Operation} dropped")]
    public static partial void OperationDropped(this ILogger logger, RebalanceOperation operation);

    [LoggerMessage(Level = LogLevel.Information, Message = "No vault known for {Symbol}: no rebalancing")]
    public static partial void NoVaultForSymbol(this ILogger logger, string symbol);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebalancing workflow {Operation} failed")]
    public static partial void WorkflowFailed(this ILogger logger, RebalanceOperation operation, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebalancing workflow {Operation} ended without a terminal event: {Reason}")]
    public static partial void WorkflowEndedEarly(this ILogger logger, RebalanceOperation operation, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebalancing step failed: {Reason}")]
    public static partial void StepFailed(this ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command {Command} on {AggregateType} {AggregateId} rejected: {Error}")]
    public static partial void CommandRejected(this ILogger logger, string command, string aggregateType, string aggregateId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory of {Source} could not be read; next poll")]
    public static partial void InventoryReadFailed(this ILogger logger, string source, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebalancing restored: {Guards} moves hold their guard, {Assets} holdings from the last snapshot")]
    public static partial void Restored(this ILogger logger, int guards, int assets);
}
