using System.Buffers.Binary;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// Looks at a database file before SQLite does. SQLite takes a zero-length file for a new database
/// and reports damage without naming the file; the bot instead refuses an existing file that is
/// empty, truncated or not a database (§10), and only a path that does not exist is created.
/// </summary>
internal static class DatabaseFile
{
    private const int HeaderLength = 100;
    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    /// <summary>Throws <see cref="DatabaseFileException"/> when the existing file at the path cannot be the bot's store.</summary>
    public static void CheckExisting(string path)
    {
        var length = new FileInfo(path).Length;
        if (length == 0)
            throw new DatabaseFileException(path, "is empty (zero length), although a database file is never empty");

        var header = new byte[HeaderLength];
        int read;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            read = file.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (read < Magic.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new DatabaseFileException(path, "is not a SQLite database (its first bytes are not the SQLite header)");
        if (read < HeaderLength)
            throw new DatabaseFileException(path, $"is truncated: {length} bytes, shorter than the {HeaderLength}-byte SQLite header");

        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16)) is var size && size == 1 ? 65536 : size;
        var pageCount = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28));
        // The header's page count is only valid when its change counter matches "version-valid-for".
        var countValid = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(24)) == BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(92));
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
            throw new DatabaseFileException(path, $"is not a SQLite database (page size {pageSize} in its header)");
        if (length % pageSize != 0 || (countValid && length < (long)pageSize * pageCount))
            throw new DatabaseFileException(
                path, $"is truncated: {length} bytes, its header says {pageCount} pages of {pageSize} bytes ({(long)pageSize * pageCount} bytes)");
    }
}
