using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.VaultRegistries;

namespace TradingBot.Acceptance.Domain.Rebalancing;

/// <summary>
/// §8.3: keeps the inventory view up to date from committed events, detects imbalances and sends at
/// most one operation per equity symbol and one for USDC to the Rebalancer, through a bounded channel.
/// </summary>
public sealed partial class RebalancingTrigger : IEventReactor
{
    public const int ChannelCapacity = 100;

    private readonly RebalancingConfig config;
    private readonly IAggregateStore store;
    private readonly ILogger logger;
    private readonly Channel<RebalanceOperation> channel =
        Channel.CreateBounded<RebalanceOperation>(new BoundedChannelOptions(ChannelCapacity) { SingleReader = true });
    private readonly Lock gate = new();
    private ImmutableHashSet<Symbol> equityInProgress = [];
    private bool usdcInProgress;
    private ImmutableList<RebalanceOperation> sent = [];

    public RebalancingTrigger(
        RebalancingConfig config, InventoryView view, IAggregateStore store, ILogger<RebalancingTrigger>? logger = null)
    {
        this.config = config;
        View = view;
        this.store = store;
        this.logger = logger ?? NullLogger<RebalancingTrigger>.Instance;
    }

    public InventoryView View { get; }

    /// <summary>The Rebalancer's end of the channel.</summary>
    public ChannelReader<RebalanceOperation> Operations => channel.Reader;

    /// <summary>Every operation sent so far, in order (what "the rebalancer was asked to do").</summary>
    public IReadOnlyList<RebalanceOperation> SentOperations => sent;

    public bool IsEquityInProgress(Symbol symbol)
    {
        lock (gate)
            return equityInProgress.Contains(symbol);
    }

    public bool IsUsdcInProgress
    {
        get
        {
            lock (gate)
                return usdcInProgress;
        }
    }

    /// <summary>Whether any move (of an equity or of USDC) holds its guard.</summary>
    public bool IsAnyMoveInProgress
    {
        get
        {
            lock (gate)
                return usdcInProgress || !equityInProgress.IsEmpty;
        }
    }

    /// <summary>Claims a symbol's guard as a move in progress does; false when it is already held.</summary>
    public bool TryClaimEquity(Symbol symbol)
    {
        lock (gate)
        {
            if (equityInProgress.Contains(symbol))
                return false;
            equityInProgress = equityInProgress.Add(symbol);
            return true;
        }
    }

    public bool TryClaimUsdc()
    {
        lock (gate)
        {
            if (usdcInProgress)
                return false;
            usdcInProgress = true;
            return true;
        }
    }

    public void ReleaseEquity(Symbol symbol)
    {
        lock (gate)
            equityInProgress = equityInProgress.Remove(symbol);
    }

    public void ReleaseUsdc()
    {
        lock (gate)
            usdcInProgress = false;
    }

    /// <summary>Closes the channel: the Rebalancer's run ends once it has drained what was sent.</summary>
    public void Complete() => channel.Writer.TryComplete();

    public async Task CheckAndTriggerEquityAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        if (!config.Enabled || View.AwaitingSnapshots || !TryClaimEquity(symbol))
            return;
        var operationSent = false;
        try
        {
            var registry = await store.LoadAsync(VaultRegistryDecider.Kind, config.RegistryId, cancellationToken);
            var vault = registry.TokenBySymbol(symbol);
            if (vault is null)
            {
                logger.NoVaultForSymbol(symbol.Value);
                return;
            }
            RebalanceOperation? operation = ImbalanceDetection.Detect(View.Equity(symbol), config.Equity) switch
            {
                Imbalance.TooMuchOffchain mint => new RebalanceOperation.Mint(symbol, new FractionalShares(mint.Excess)),
                Imbalance.TooMuchOnchain redeem =>
                    new RebalanceOperation.Redemption(symbol, new FractionalShares(redeem.Excess), vault.Token),
                _ => null,
            };
            operationSent = operation is not null && Send(operation);
        }
        finally
        {
            if (!operationSent)
                ReleaseEquity(symbol);
        }
    }

    public void CheckAndTriggerUsdc()
    {
        if (!config.Enabled || View.AwaitingSnapshots || !TryClaimUsdc())
            return;
        RebalanceOperation? operation = ImbalanceDetection.DetectUsdc(View.Usdc, config.Usdc) switch
        {
            Imbalance.TooMuchOffchain move => new RebalanceOperation.UsdcAlpacaToBase(new Usd(move.Excess)),
            Imbalance.TooMuchOnchain move => new RebalanceOperation.UsdcBaseToAlpaca(new Usd(move.Excess)),
            _ => null,
        };
        if (operation is null || !Send(operation))
            ReleaseUsdc();
    }

    private bool Send(RebalanceOperation operation)
    {
        if (!channel.Writer.TryWrite(operation))
        {
            logger.OperationDropped(operation);
            return false;
        }
        lock (gate)
            sent = sent.Add(operation);
        return true;
    }
}
