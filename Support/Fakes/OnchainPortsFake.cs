using System.Numerics;
using Moq;
using TradingBot.Acceptance.Domain.Bridging;
using TradingBot.Acceptance.Domain.Rebalancing.Onchain;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// Moq set-ups of the on-chain ports (vaults, ERC-20 transfer, CCTP contracts) that succeed with fixed
/// transaction hashes; a test overrides one set-up to make that step fail.
/// </summary>
public sealed class OnchainPortsFake
{
    public const string VaultDepositTx = "0x00000000000000000000000000000000000000000000000000000000000de905";
    public const string VaultWithdrawTx = "0x000000000000000000000000000000000000000000000000000000000000d1a0";
    public const string TransferTx = "0x0000000000000000000000000000000000000000000000000000000000007a45";
    public const string BurnTx = "0x000000000000000000000000000000000000000000000000000000000000b042";
    public const string MintTx = "0x000000000000000000000000000000000000000000000000000000000000a1a7";

    public OnchainPortsFake()
    {
        Vault.Setup(vault => vault.DepositAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BigInteger>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(VaultDepositTx);
        Vault.Setup(vault => vault.WithdrawAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BigInteger>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(VaultWithdrawTx);
        Erc20.Setup(erc20 => erc20.TransferAsync(
                It.IsAny<CctpChain>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<BigInteger>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TransferTx);
        Bridge.Setup(bridge => bridge.BurnAsync(
                It.IsAny<CctpChain>(), It.IsAny<CctpChain>(), It.IsAny<BigInteger>(), It.IsAny<BigInteger>(), It.IsAny<string>(),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(BurnTx);
    }

    public Mock<IVault> Vault { get; } = new(MockBehavior.Strict);

    public Mock<IErc20Transfer> Erc20 { get; } = new(MockBehavior.Strict);

    public Mock<ICctpBridge> Bridge { get; } = new(MockBehavior.Strict);

    /// <summary><c>receiveMessage</c> mints <paramref name="amountUnits"/> and collects <paramref name="feeUnits"/> (USDC base units).</summary>
    public void MintsOnReceive(BigInteger amountUnits, BigInteger feeUnits) =>
        Bridge.Setup(bridge => bridge.ReceiveMessageAsync(It.IsAny<CctpChain>(), It.IsAny<AttestedMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CctpMintReceipt(MintTx, amountUnits, feeUnits));
}
