using System.Security.Cryptography;

namespace TradingBot.Acceptance.Domain.Execution;

/// <summary>
/// Makes the client order ids of one bot: random (version 4) UUIDs, as <see cref="Guid.NewGuid"/> makes them, from
/// the system's cryptographic generator drawn <see cref="IdsPerDraw"/> ids at a time. <see cref="Guid.NewGuid"/>
/// asks the kernel for every id (on Linux one read of <c>/dev/urandom</c>): a system call in every hedge.
/// </summary>
internal sealed class ClientOrderIds
{
    /// <summary>How many ids one draw from the system's generator makes.</summary>
    public const int IdsPerDraw = 256;

    private const int Bytes = 16;

    private readonly Lock sync = new();
    private readonly byte[] drawn = new byte[IdsPerDraw * Bytes];
    private int next = IdsPerDraw;

    public ClientOrderId Next()
    {
        Span<byte> id = stackalloc byte[Bytes];
        lock (sync)
        {
            if (next == IdsPerDraw)
            {
                RandomNumberGenerator.Fill(drawn);
                next = 0;
            }

            var taken = drawn.AsSpan(next++ * Bytes, Bytes);
            taken.CopyTo(id);
            taken.Clear(); // an id handed out is not kept beside the ones still to come
        }

        // Guid's constructor reads its third field little-endian: byte 7 holds the version, byte 8 the variant (RFC 9562).
        id[7] = (byte)((id[7] & 0x0F) | 0x40);
        id[8] = (byte)((id[8] & 0x3F) | 0x80);
        return new ClientOrderId(new Guid(id));
    }
}
