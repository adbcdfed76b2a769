using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Alpaca;
using TradingBot.Acceptance.Domain.Rebalancing.Onchain;
using TradingBot.Acceptance.Domain.Rebalancing.Persistence;
using TradingBot.Acceptance.Domain.TokenizedEquityMints;
using TradingBot.Acceptance.Domain.VaultRegistries;
using Command = TradingBot.Acceptance.Domain.TokenizedEquityMints.TokenizedEquityMintCommand;

namespace TradingBot.Acceptance.Domain.Rebalancing.Managers;

/// <summary>§8.4 MintManager: request, acceptance, tokens received, deposit into our vault.</summary>
public sealed class MintManager(
    IAggregateStore store, ITokenizationApi tokenization, IVault vault, RebalancingConfig config, TimeProvider clock,
    ILogger<MintManager>? logger = null, IClockWait? wait = null) : IMint
{
    private readonly ILogger log = logger ?? NullLogger<MintManager>.Instance;
    private readonly StatusPolling polling = new(clock, wait);

    public async Task ExecuteMintAsync(Guid id, Symbol symbol, FractionalShares quantity, string wallet, CancellationToken cancellationToken)
    {
        var (units, unitsError) = TokenUnits.FromShares(quantity.Value);
        if (unitsError is not null)
        {
            log.StepFailed($"mint of {quantity} {symbol} cannot become token units: {unitsError}");
            return;
        }
        var mint = new AggregateCommands<TokenizedEquityMint, Command, TokenizedEquityMintEvent, TokenizedEquityMintError>(
            store, TokenizedEquityMintDecider.Kind, id.ToString(), log);
        if (!await mint.ExecuteAsync(new Command.RequestMint(symbol, quantity, wallet), cancellationToken))
            return;
        var requestId = await RequestAsync(mint, symbol, quantity, wallet, cancellationToken);
        if (requestId is null)
            return;
        var txHash = await AwaitTokensAsync(mint, requestId, symbol, quantity, cancellationToken);
        if (txHash is null)
            return;
        if (!await mint.ExecuteAsync(new Command.ReceiveTokens(txHash, 0, units), cancellationToken))
            return;
        await DepositAsync(mint, symbol, units, cancellationToken);
    }

    private async Task<string?> RequestAsync(
        AggregateCommands<TokenizedEquityMint, Command, TokenizedEquityMintEvent, TokenizedEquityMintError> mint,
        Symbol symbol, FractionalShares quantity, string wallet, CancellationToken cancellationToken)
    {
        MintRequestResult result;
        try
        {
            result = await tokenization.RequestMintAsync(symbol, quantity, wallet, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or Http.ExternalApiException or TaskCanceledException)
        {
            await mint.ExecuteAsync(new Command.RejectMint($"Alpaca API error: {exception.Message}"), cancellationToken);
            return null;
        }
        switch (result)
        {
            case MintRequestResult.Accepted accepted:
                return await mint.ExecuteAsync(
                    new Command.AcknowledgeAcceptance(accepted.IssuerRequestId, accepted.TokenizationRequestId), cancellationToken)
                    ? accepted.TokenizationRequestId
                    : null;
            case MintRequestResult.Refused refused:
                await mint.ExecuteAsync(new Command.RejectMint(refused.Error.Reason), cancellationToken);
                return null;
            default:
                return null;
        }
    }

    private async Task<string?> AwaitTokensAsync(
        AggregateCommands<TokenizedEquityMint, Command, TokenizedEquityMintEvent, TokenizedEquityMintError> mint,
        string requestId, Symbol symbol, FractionalShares quantity, CancellationToken cancellationToken)
    {
        var outcome = await polling.PollAsync(
            async token => (await tokenization.ListRequestsAsync("mint", token))
                .FirstOrDefault(request => request.TokenizationRequestId == requestId
                    && (request.Status == TokenizationRequestStatus.Rejected || !IsFor(request, symbol, quantity)
                        || request is { Status: TokenizationRequestStatus.Completed, TxHash: not null })),
            cancellationToken);
        var failure = outcome switch
        {
            // Alpaca mints what its request says: a request for other shares than ours must not complete our mint.
            PollOutcome<TokenizationRequest>.Answered { Value: var request } when !IsFor(request, symbol, quantity) =>
                $"Alpaca answered the mint of {quantity} {symbol} with {request.Quantity} {request.UnderlyingSymbol}",
            PollOutcome<TokenizationRequest>.Answered { Value.Status: TokenizationRequestStatus.Rejected } =>
                "Mint request rejected by Alpaca",
            PollOutcome<TokenizationRequest>.Answered => null,
            PollOutcome<TokenizationRequest>.GaveUp gaveUp => $"Polling failed: {gaveUp.Reason}",
            PollOutcome<TokenizationRequest>.Failed failed => $"Polling failed: {failed.Reason}",
            _ => "Polling failed",
        };
        if (failure is null)
            return ((PollOutcome<TokenizationRequest>.Answered)outcome).Value.TxHash;
        await mint.ExecuteAsync(new Command.FailAcceptance(failure), cancellationToken);
        return null;
    }

    private static bool IsFor(TokenizationRequest request, Symbol symbol, FractionalShares quantity) =>
        request.UnderlyingSymbol == symbol.Value && request.Quantity == quantity;

    private async Task DepositAsync(
        AggregateCommands<TokenizedEquityMint, Command, TokenizedEquityMintEvent, TokenizedEquityMintError> mint,
        Symbol symbol, System.Numerics.BigInteger units, CancellationToken cancellationToken)
    {
        try
        {
            var registry = await store.LoadAsync(VaultRegistryDecider.Kind, config.RegistryId, cancellationToken);
            var equityVault = registry.TokenBySymbol(symbol)
                ?? throw new InvalidOperationException($"no vault is registered for {symbol}");
            var depositTx = await vault.DepositAsync(equityVault.Token, equityVault.VaultId, units, cancellationToken);
            await mint.ExecuteAsync(new Command.Finalize(depositTx), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await mint.ExecuteAsync(new Command.FailDeposit($"Vault deposit failed: {exception.Message}"), cancellationToken);
        }
    }
}
