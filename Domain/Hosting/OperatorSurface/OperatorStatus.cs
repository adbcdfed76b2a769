using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Positions;

namespace TradingBot.Acceptance.Domain.Hosting.OperatorSurface;

/// <summary>What <c>GET /status</c> answers: the controls and every position.</summary>
public sealed record OperatorStatus(
    KillSwitchState KillSwitch,
    FallbackState Fallback,
    LimitsState Limits,
    IReadOnlyList<PositionRow> Positions,
    IReadOnlyList<OperatorAlert> Alerts)
{
    /// <summary>The controls from <paramref name="console"/>, the positions from the view of <paramref name="database"/>.</summary>
    public static async Task<OperatorStatus> ReadAsync(IOperatorConsole console, SqliteDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var controls = await console.ControlsAsync(cancellationToken).ConfigureAwait(false);
        var positions = new PositionView(database).All()
            .Select(position => new PositionRow(position.Symbol.Value, position.Net.Value, position.PendingExecutionId?.ToString()))
            .ToList();
        return new OperatorStatus(controls.KillSwitch, controls.Fallback, controls.Limits, positions, controls.Alerts);
    }
}

/// <summary>One symbol's net exposure and the hedge it waits on, if any.</summary>
public sealed record PositionRow(string Symbol, decimal Net, string? PendingExecutionId);
