using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;
using TradingBot.Acceptance.Domain.UsdcRebalances;
using Command = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceCommand;
using UsdcCommands = TradingBot.Acceptance.Domain.Rebalancing.Managers.AggregateCommands<
    TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalance,
    TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceCommand,
    TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceEvent,
    TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceError>;

namespace TradingBot.Acceptance.Domain.Rebalancing.Managers;

/// <summary>A USDCUSD market order at Alpaca, polled every 500 ms (bounded by 30 minutes) until it ends.</summary>
public sealed class UsdcConversionStep(IUsdcConversion conversion, TimeProvider clock, IClockWait? wait = null)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly StatusPolling polling = new(clock, wait);

    /// <summary>Places and follows the order after its <c>ConversionInitiated</c>; returns the filled amount, or null after <c>FailConversion</c>.</summary>
    public async Task<Usd?> ConvertAsync(
        UsdcCommands move, Direction side, Usd amount, Guid orderId, CancellationToken cancellationToken)
    {
        string brokerOrderId;
        try
        {
            brokerOrderId = await conversion.PlaceAsync(side, amount, orderId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await move.ExecuteAsync(new Command.FailConversion($"Conversion order failed: {exception.Message}"), cancellationToken);
            return null;
        }
        var outcome = await polling.PollAsync(
            async token => await conversion.GetStatusAsync(brokerOrderId, token) is { } status && (status.IsFilled || status.HasEndedUnfilled)
                ? status
                : null,
            Interval, StatusPolling.ManagerTimeout, int.MaxValue, cancellationToken);
        if (outcome is PollOutcome<UsdcOrderStatus>.Answered { Value: { IsFilled: true, FilledQuantity: { } filled } } && filled == amount.Value)
        {
            var filledAmount = new Usd(filled);
            return await move.ExecuteAsync(new Command.ConfirmConversion(filledAmount), cancellationToken) ? filledAmount : null;
        }
        var reason = outcome switch
        {
            PollOutcome<UsdcOrderStatus>.Answered { Value: { IsFilled: true, FilledQuantity: { } other } } =>
                $"Conversion of {amount} USDC filled {new Usd(other)} USDC",
            PollOutcome<UsdcOrderStatus>.Answered answered => $"Conversion order ended in status: {answered.Value.Status}",
            PollOutcome<UsdcOrderStatus>.GaveUp gaveUp => $"Conversion polling failed: {gaveUp.Reason}",
            PollOutcome<UsdcOrderStatus>.Failed failed => $"Conversion polling failed: {failed.Reason}",
            _ => "Conversion failed",
        };
        await move.ExecuteAsync(new Command.FailConversion(reason), cancellationToken);
        return null;
    }
}
