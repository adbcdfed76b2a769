using System.Numerics;
using Moq;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Rebalancing.Onchain;
using TradingBot.Acceptance.Support.TestData;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// The chains the bot touches, as a small model behind Moq set-ups of the on-chain ports: vault balances
/// that move with deposits and withdrawals (a withdrawal beyond the balance fails), ERC-20 transfers,
/// CCTP burns and the mints they become on the other chain, less Circle's fee. Every answer comes from
/// what the bot asked; a test may still override one set-up to make that step fail.
/// </summary>
public sealed class OnchainPortsFake
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Token, string VaultId), BigInteger> balances = [];
    private readonly Dictionary<string, Symbol> tokenSymbols = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<VaultMovement> deposits = [];
    private readonly List<VaultMovement> withdrawals = [];
    private readonly List<SimulatedTransfer> transfers = [];
    private readonly List<SimulatedBurn> burns = [];
    private readonly List<CctpMintReceipt> mints = [];
    private readonly HashSet<BigInteger> received = [];
    private BigInteger transactions;

    public OnchainPortsFake()
    {
        Vault.Setup(vault => vault.DepositAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BigInteger>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string token, string vaultId, BigInteger units, CancellationToken _) => Deposit(token, vaultId, units));
        Vault.Setup(vault => vault.WithdrawAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BigInteger>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string token, string vaultId, BigInteger units, CancellationToken _) => Withdraw(token, vaultId, units));
        Erc20.Setup(erc20 => erc20.TransferAsync(
                It.IsAny<CctpChain>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BigInteger>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CctpChain chain, string token, string recipient, BigInteger units, CancellationToken _) =>
                Transfer(chain, token, recipient, units));
        Bridge.Setup(bridge => bridge.BurnAsync(
                It.IsAny<CctpChain>(), It.IsAny<CctpChain>(), It.IsAny<BigInteger>(), It.IsAny<BigInteger>(), It.IsAny<string>(),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync((CctpChain source, CctpChain destination, BigInteger units, BigInteger maxFee, string recipient, CancellationToken _) =>
                Burn(source, destination, units, maxFee, recipient));
        Bridge.Setup(bridge => bridge.ReceiveMessageAsync(It.IsAny<CctpChain>(), It.IsAny<AttestedMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CctpChain destination, AttestedMessage message, CancellationToken _) => Receive(destination, message));
    }

    public Mock<IVault> Vault { get; } = new(MockBehavior.Strict);

    public Mock<IErc20Transfer> Erc20 { get; } = new(MockBehavior.Strict);

    public Mock<ICctpBridge> Bridge { get; } = new(MockBehavior.Strict);

    /// <summary>Circle's fast-transfer fee in basis points: what Circle quotes and what the mint on the other chain collects.</summary>
    public decimal FastTransferFeeBps { get; set; } = ScenarioDefaults.FastTransferFeeBps;

    /// <summary>The vault holds <paramref name="units"/> of the token (the scenario's starting balance).</summary>
    public void Holds(string token, string vaultId, BigInteger units)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        lock (gate)
            balances[(token, vaultId)] = units;
    }

    /// <summary>The token is the tokenized equity of <paramref name="symbol"/> (what the vault registry knows).</summary>
    public void Names(string token, Symbol symbol)
    {
        lock (gate)
            tokenSymbols[token] = symbol;
    }

    public Symbol? SymbolOf(string token)
    {
        lock (gate)
            return tokenSymbols.TryGetValue(token, out var symbol) ? symbol : null;
    }

    public BigInteger BalanceOf(string token, string vaultId)
    {
        lock (gate)
            return balances.GetValueOrDefault((token, vaultId));
    }

    public IReadOnlyList<VaultMovement> Deposits => Snapshot(deposits);

    public IReadOnlyList<VaultMovement> Withdrawals => Snapshot(withdrawals);

    public IReadOnlyList<SimulatedTransfer> Transfers => Snapshot(transfers);

    public IReadOnlyList<SimulatedBurn> Burns => Snapshot(burns);

    public IReadOnlyList<CctpMintReceipt> Mints => Snapshot(mints);

    /// <summary>The burn Circle knows under <paramref name="txHash"/> on <paramref name="source"/>, if any.</summary>
    public SimulatedBurn? BurnOf(int source, string txHash)
    {
        lock (gate)
            return burns.FirstOrDefault(burn => (int)burn.Source == source && string.Equals(burn.TxHash, txHash, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A new transaction hash of the given kind (also for the tokens Alpaca mints).</summary>
    public string NextTx(string kind)
    {
        lock (gate)
            return NextTxLocked(kind);
    }

    private string Deposit(string token, string vaultId, BigInteger units)
    {
        if (units <= BigInteger.Zero)
            throw new InvalidOperationException($"The vault rejects a deposit of {units} units: zero is not allowed.");
        lock (gate)
        {
            balances[(token, vaultId)] = balances.GetValueOrDefault((token, vaultId)) + units;
            var deposit = new VaultMovement(token, vaultId, units, NextTxLocked(ChainTransaction.Deposit));
            deposits.Add(deposit);
            return deposit.TxHash;
        }
    }

    private string Withdraw(string token, string vaultId, BigInteger units)
    {
        lock (gate)
        {
            var held = balances.GetValueOrDefault((token, vaultId));
            if (units <= BigInteger.Zero || units > held)
                throw new InvalidOperationException($"The vault {vaultId} holds {held} units of {token}: it cannot withdraw {units}.");
            balances[(token, vaultId)] = held - units;
            var withdrawal = new VaultMovement(token, vaultId, units, NextTxLocked(ChainTransaction.Withdrawal));
            withdrawals.Add(withdrawal);
            return withdrawal.TxHash;
        }
    }

    private string Burn(CctpChain source, CctpChain destination, BigInteger units, BigInteger maxFee, string recipient)
    {
        lock (gate)
        {
            var txHash = NextTxLocked(ChainTransaction.Burn);
            burns.Add(new SimulatedBurn(source, destination, units, maxFee, recipient, txHash, burns.Count + 1));
            return txHash;
        }
    }

    // The mint on the destination gives the burnt units less Circle's fee, capped by the burn's maxFee.
    private CctpMintReceipt Receive(CctpChain destination, AttestedMessage message)
    {
        lock (gate)
        {
            var burn = burns.FirstOrDefault(candidate => candidate.NonceHex == message.CctpNonce && candidate.Destination == destination)
                ?? throw new InvalidOperationException($"No burn to {destination} has the nonce {message.CctpNonce}.");
            if (!received.Add(burn.Nonce))
                throw new InvalidOperationException($"The message with nonce {message.CctpNonce} was already received.");
            var fee = BigInteger.Min(burn.MaxFee, new BigInteger(decimal.Ceiling((decimal)burn.Units * FastTransferFeeBps / 10_000m)));
            var receipt = new CctpMintReceipt(NextTxLocked(ChainTransaction.Mint), burn.Units - fee, fee);
            mints.Add(receipt);
            return receipt;
        }
    }

    private string Transfer(CctpChain chain, string token, string recipient, BigInteger units)
    {
        lock (gate)
        {
            var transfer = new SimulatedTransfer(chain, token, recipient, units, NextTxLocked(ChainTransaction.Transfer));
            transfers.Add(transfer);
            return transfer.TxHash;
        }
    }

    private string NextTxLocked(string kind) => ChainTransaction.Hash(kind, ++transactions);

    private IReadOnlyList<T> Snapshot<T>(List<T> journal)
    {
        lock (gate)
            return [.. journal];
    }
}
