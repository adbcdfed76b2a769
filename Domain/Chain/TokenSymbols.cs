using System.Collections.Concurrent;
using System.Text;

namespace TradingBot.Acceptance.Domain.Chain;

/// <summary>
/// ERC-20 <c>symbol()</c> of each token, asked once per address for the process's lifetime (one look-up at a time per
/// address). A failing call is retried 3 times with exponential backoff; then it throws
/// <see cref="ChainRpcException"/> and the next fill of that token asks again.
/// </summary>
public sealed class TokenSymbols(IChainRpc rpc, Func<TimeSpan, CancellationToken, Task> wait)
{
    /// <summary>The <c>symbol()</c> selector.</summary>
    public static readonly byte[] SymbolSelector = [0x95, 0xd8, 0x9b, 0x41];

    private const int Retries = 3;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentDictionary<string, string> known = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> lookups = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Seeds a symbol, e.g. from configuration, so it is never asked.</summary>
    public void Seed(string token, string symbol) => known[token] = symbol;

    public async Task<string> SymbolOfAsync(string token, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(token);
        token = token.ToLowerInvariant();
        if (known.TryGetValue(token, out var symbol))
            return symbol;
        var gate = lookups.GetOrAdd(token, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (known.TryGetValue(token, out symbol))
                return symbol;
            symbol = await AskAsync(token, cancellation).ConfigureAwait(false);
            known[token] = symbol;
            return symbol;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Reads an ABI-encoded <c>string</c> return value (offset, length, bytes).</summary>
    public static string DecodeString(ReadOnlySpan<byte> result)
    {
        if (result.Length < 64)
            throw new ChainRpcException($"symbol() returned {result.Length} bytes, not an ABI string");
        var offset = ReadWord(result, 0);
        if (offset > result.Length - 32)
            throw new ChainRpcException("symbol() returned an ABI string whose offset is out of range");
        var length = ReadWord(result, (int)offset);
        if (length > result.Length - (int)offset - 32)
            throw new ChainRpcException("symbol() returned an ABI string longer than the answer");
        return Encoding.UTF8.GetString(result.Slice((int)offset + 32, (int)length));
    }

    private async Task<string> AskAsync(string token, CancellationToken cancellation)
    {
        var backoff = FirstBackoff;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return DecodeString(await rpc.CallAsync(token, SymbolSelector, cancellation).ConfigureAwait(false));
            }
            catch (ChainRpcException exception) when (attempt >= Retries)
            {
                throw new ChainRpcException($"symbol() of {token} failed {Retries + 1} times: {exception.Message}", exception);
            }
            catch (ChainRpcException)
            {
                await wait(backoff, cancellation).ConfigureAwait(false);
                backoff *= 2;
            }
        }
    }

    private static long ReadWord(ReadOnlySpan<byte> bytes, int at)
    {
        var word = bytes.Slice(at, 32);
        return word[..28].ContainsAnyExcept((byte)0) ? long.MaxValue : System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(word[28..]);
    }
}
