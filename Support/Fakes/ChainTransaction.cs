using System.Globalization;
using System.Numerics;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>Transaction hashes the simulated chains give out: a kind prefix and a running number, 32 bytes in all.</summary>
public static class ChainTransaction
{
    public const string Deposit = "de90";
    public const string Withdrawal = "d1a0";
    public const string Transfer = "7a45";
    public const string Burn = "b042";
    public const string Mint = "a1a7";
    public const string Tokenization = "70c0";

    public static string Hash(string kind, BigInteger number) =>
        "0x" + kind + number.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(64 - kind.Length, '0');
}
