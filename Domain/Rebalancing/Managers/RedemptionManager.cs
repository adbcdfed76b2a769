using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.EquityRedemptions;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;
using TradingBot.Acceptance.Domain.Rebalancing.Onchain;
using TradingBot.Acceptance.Domain.Rebalancing.Persistence;
using TradingBot.Acceptance.Domain.VaultRegistries;
using Command = TradingBot.Acceptance.Domain.EquityRedemptions.EquityRedemptionCommand;

namespace TradingBot.Acceptance.Domain.Rebalancing.Managers;

/// <summary>§8.4 RedemptionManager: withdraw and send the tokens, then wait for Alpaca to detect and complete.</summary>
public sealed class RedemptionManager(
    IAggregateStore store, ITokenizationApi tokenization, IVault vault, IErc20Transfer erc20, RebalancingConfig config,
    TimeProvider clock, ILogger<RedemptionManager>? logger = null, IClockWait? wait = null) : IRedeem
{
    private readonly ILogger log = logger ?? NullLogger<RedemptionManager>.Instance;
    private readonly StatusPolling polling = new(clock, wait);

    public async Task ExecuteRedemptionAsync(
        Guid id, Symbol symbol, FractionalShares quantity, BigInteger units, string token, CancellationToken cancellationToken)
    {
        var txHash = await WithdrawAndSendAsync(symbol, units, token, cancellationToken);
        if (txHash is null)
            return;
        var redemption = new AggregateCommands<EquityRedemption, Command, EquityRedemptionEvent, EquityRedemptionError>(
            store, EquityRedemptionDecider.Kind, id.ToString(), log);
        if (!await redemption.ExecuteAsync(new Command.SendTokens(symbol, quantity, config.RedemptionWallet, txHash), cancellationToken))
            return;

        var detected = await polling.PollAsync(
            async poll => (await tokenization.ListRequestsAsync("redeem", poll))
                .FirstOrDefault(request => string.Equals(request.TxHash, txHash, StringComparison.OrdinalIgnoreCase)),
            cancellationToken);
        if (detected is not PollOutcome<TokenizationRequest>.Answered { Value: var request })
        {
            await redemption.ExecuteAsync(new Command.FailDetection($"Detection polling failed: {Reason(detected)}"), cancellationToken);
            return;
        }
        if (request.UnderlyingSymbol != symbol.Value || request.Quantity != quantity)
        {
            await redemption.ExecuteAsync(new Command.FailDetection(
                $"Alpaca detected the redemption of {quantity} {symbol} as {request.Quantity} {request.UnderlyingSymbol}"), cancellationToken);
            return;
        }
        if (!await redemption.ExecuteAsync(new Command.Detect(request.TokenizationRequestId), cancellationToken))
            return;

        var finished = await polling.PollAsync(
            async poll => (await tokenization.ListRequestsAsync("redeem", poll)).FirstOrDefault(candidate =>
                candidate.TokenizationRequestId == request.TokenizationRequestId
                && candidate.Status != TokenizationRequestStatus.Pending),
            cancellationToken);
        Command ending = finished switch
        {
            PollOutcome<TokenizationRequest>.Answered { Value.Status: TokenizationRequestStatus.Completed } => new Command.Complete(),
            PollOutcome<TokenizationRequest>.Answered => new Command.RejectRedemption("Redemption rejected by Alpaca"),
            _ => new Command.RejectRedemption($"Completion polling failed: {Reason(finished)}"),
        };
        await redemption.ExecuteAsync(ending, cancellationToken);
    }

    // Before SendTokens nothing is recorded: a failure here leaves no aggregate and the Rebalancer releases the guard.
    private async Task<string?> WithdrawAndSendAsync(Symbol symbol, BigInteger units, string token, CancellationToken cancellationToken)
    {
        try
        {
            var registry = await store.LoadAsync(VaultRegistryDecider.Kind, config.RegistryId, cancellationToken);
            var equityVault = registry.TokenBySymbol(symbol) ?? throw new InvalidOperationException($"no vault is registered for {symbol}");
            await vault.WithdrawAsync(token, equityVault.VaultId, units, cancellationToken);
            return await erc20.TransferAsync(CctpChain.Base, token, config.RedemptionWallet, units, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            log.StepFailed($"redemption of {symbol}: withdrawal or transfer failed: {exception.Message}");
            return null;
        }
    }

    private static string Reason<T>(PollOutcome<T> outcome) => outcome switch
    {
        PollOutcome<T>.GaveUp gaveUp => gaveUp.Reason,
        PollOutcome<T>.Failed failed => failed.Reason,
        _ => "unexpected answer",
    };
}
