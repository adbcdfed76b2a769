using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;
using TradingBot.Acceptance.Domain.Rebalancing.Onchain;
using TradingBot.Acceptance.Domain.Rebalancing.Persistence;
using TradingBot.Acceptance.Domain.UsdcRebalances;
using Command = TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceCommand;
using UsdcCommands = TradingBot.Acceptance.Domain.Rebalancing.Managers.AggregateCommands<
    TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalance,
    TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceCommand,
    TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceEvent,
    TradingBot.Acceptance.Domain.UsdcRebalances.UsdcRebalanceError>;

namespace TradingBot.Acceptance.Domain.Rebalancing.Managers;

/// <summary>§8.4 UsdcRebalanceManager: Alpaca wallet ↔ Ethereum ↔ CCTP ↔ Base vault, in both directions.</summary>
public sealed class UsdcRebalanceManager(
    IAggregateStore store, IUsdcConversion conversion, IAlpacaWallet wallet, ICctpAttestation attestation, ICctpBridge bridge,
    IVault vault, IErc20Transfer erc20, RebalancingConfig config, TimeProvider clock, ILogger<UsdcRebalanceManager>? logger = null,
    IClockWait? wait = null)
    : IUsdcRebalance
{
    private readonly ILogger log = logger ?? NullLogger<UsdcRebalanceManager>.Instance;
    private readonly UsdcConversionStep converting = new(conversion, clock, wait);
    private readonly CctpBridgingStep bridging = new(bridge, attestation, clock, wait);
    private readonly WalletTransferPolling transfers = new(wallet, clock, wait);

    public async Task ExecuteAlpacaToBaseAsync(Guid id, Usd amount, CancellationToken cancellationToken)
    {
        var move = Commands(id);
        var orderId = Guid.NewGuid();
        if (!await move.ExecuteAsync(new Command.InitiateConversion(RebalanceDirection.AlpacaToBase, amount, orderId), cancellationToken))
            return;
        if (await converting.ConvertAsync(move, Direction.Buy, amount, orderId, cancellationToken) is not { } filled)
            return;
        if (!await WithdrawFromAlpacaAsync(move, filled, cancellationToken))
            return;
        if (await bridging.BridgeAsync(move, CctpChain.Ethereum, CctpChain.Base, filled, config.MarketMakerWallet, cancellationToken)
            is not { } received)
            return;
        try
        {
            var (units, _) = TokenUnits.FromUsdc(received.Value);
            var depositTx = await vault.DepositAsync(UsdcTokenAddresses.Base, config.UsdcVaultId, units, cancellationToken);
            if (await move.ExecuteAsync(new Command.InitiateDeposit(new TransferRef.OnchainTx(depositTx)), cancellationToken))
                await move.ExecuteAsync(new Command.ConfirmDeposit(), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await move.ExecuteAsync(new Command.FailDeposit($"Vault deposit failed: {exception.Message}"), cancellationToken);
        }
    }

    public async Task ExecuteBaseToAlpacaAsync(Guid id, Usd amount, CancellationToken cancellationToken)
    {
        var move = Commands(id);
        if (!await WithdrawFromVaultAsync(move, amount, cancellationToken))
            return;
        if (await bridging.BridgeAsync(move, CctpChain.Base, CctpChain.Ethereum, amount, config.MarketMakerWallet, cancellationToken)
            is not { } received)
            return;
        if (!await DepositAtAlpacaAsync(move, received, cancellationToken))
            return;
        var orderId = Guid.NewGuid();
        if (await move.ExecuteAsync(new Command.InitiatePostDepositConversion(orderId, received), cancellationToken))
            await converting.ConvertAsync(move, Direction.Sell, received, orderId, cancellationToken);
    }

    private UsdcCommands Commands(Guid id) => new(store, UsdcRebalanceDecider.Kind, id.ToString(), log);

    // Failures before Initiate are errors only: the Rebalancer releases the guard.
    private async Task<bool> WithdrawFromAlpacaAsync(UsdcCommands move, Usd amount, CancellationToken cancellationToken)
    {
        WalletTransfer transfer;
        try
        {
            var whitelists = await wallet.ListWhitelistsAsync(cancellationToken);
            if (!whitelists.Any(entry => entry.IsApprovedFor(config.MarketMakerWallet, "USDC")))
            {
                log.StepFailed($"AddressNotWhitelisted: {config.MarketMakerWallet} has no APPROVED USDC whitelist entry");
                return false;
            }
            transfer = await wallet.RequestWithdrawalAsync(amount, config.MarketMakerWallet, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            log.StepFailed($"withdrawal from Alpaca failed: {exception.Message}");
            return false;
        }
        var withdrawal = new TransferRef.AlpacaId(transfer.Id);
        if (!await move.ExecuteAsync(new Command.Initiate(RebalanceDirection.AlpacaToBase, amount, withdrawal), cancellationToken))
            return false;
        var failure = WalletTransferPolling.FailureOf(await transfers.AwaitEndAsync(candidate => candidate.Id == transfer.Id, cancellationToken), amount);
        return await move.ExecuteAsync(
            failure is null ? new Command.ConfirmWithdrawal() : new Command.FailWithdrawal(failure), cancellationToken) && failure is null;
    }

    private async Task<bool> WithdrawFromVaultAsync(UsdcCommands move, Usd amount, CancellationToken cancellationToken)
    {
        string withdrawalTx;
        try
        {
            var (units, _) = TokenUnits.FromUsdc(amount.Value);
            withdrawalTx = await vault.WithdrawAsync(UsdcTokenAddresses.Base, config.UsdcVaultId, units, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            log.StepFailed($"withdrawal from the USDC vault failed: {exception.Message}");
            return false;
        }
        return await move.ExecuteAsync(
                new Command.Initiate(RebalanceDirection.BaseToAlpaca, amount, new TransferRef.OnchainTx(withdrawalTx)), cancellationToken)
            && await move.ExecuteAsync(new Command.ConfirmWithdrawal(), cancellationToken);
    }

    private async Task<bool> DepositAtAlpacaAsync(UsdcCommands move, Usd received, CancellationToken cancellationToken)
    {
        string sendTx;
        try
        {
            var depositAddress = await wallet.GetDepositAddressAsync(cancellationToken);
            var (units, _) = TokenUnits.FromUsdc(received.Value);
            sendTx = await erc20.TransferAsync(CctpChain.Ethereum, UsdcTokenAddresses.Ethereum, depositAddress, units, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await move.ExecuteAsync(new Command.FailDeposit($"Send to Alpaca failed: {exception.Message}"), cancellationToken);
            return false;
        }
        if (!await move.ExecuteAsync(new Command.InitiateDeposit(new TransferRef.OnchainTx(sendTx)), cancellationToken))
            return false;
        var failure = WalletTransferPolling.FailureOf(await transfers.AwaitEndAsync(
            candidate => string.Equals(candidate.TxHash, sendTx, StringComparison.OrdinalIgnoreCase), cancellationToken), received);
        return await move.ExecuteAsync(
            failure is null ? new Command.ConfirmDeposit() : new Command.FailDeposit(failure), cancellationToken) && failure is null;
    }
}
