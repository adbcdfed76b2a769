using System.Text;

namespace TradingBot.Acceptance.Domain.EventSourcing;

/// <summary>
/// One SQL statement of the store, prepared once per connection, with positional parameters (<c>?1</c>,
/// <c>?2</c>…) and its rows read one by one. The store's SQL is written once for both dialects; each
/// database runs it its own way (<see cref="SqliteStatement"/>, <see cref="Postgres.PostgresStatement"/>).
/// Rent it with <see cref="StoreConnection.Statement"/> and dispose it to reset it for the next use.
/// </summary>
internal abstract class PreparedStatement : IDisposable
{
    public string Sql { get; protected init; } = "";

    public abstract PreparedStatement Bind(int index, string? value);

    /// <summary>Binds text already encoded as UTF-8 (a payload written by a JSON writer).</summary>
    public abstract PreparedStatement Bind(int index, ReadOnlySpan<byte> utf8);

    public abstract PreparedStatement Bind(int index, long value);

    /// <summary>Binds a timestamp: in SQLite its stored text (<see cref="Rfc3339"/>), formatted on the stack.</summary>
    public virtual PreparedStatement Bind(int index, DateTimeOffset instant)
    {
        Span<byte> text = stackalloc byte[Rfc3339.MaxUtf8Length];
        return Bind(index, Rfc3339.Format(instant, text));
    }

    /// <summary>Binds a timestamp, or NULL.</summary>
    public virtual PreparedStatement Bind(int index, DateTimeOffset? instant) => instant is { } present ? Bind(index, present) : Bind(index, (string?)null);

    /// <summary>Moves to the next row: <c>true</c> when there is one, <c>false</c> when the statement is done.</summary>
    public abstract bool Step();

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public abstract int Execute();

    /// <summary>The first column of the first row, or <c>null</c> when there is no row or it is NULL.</summary>
    public long? ScalarInt64() => Step() && !IsNull(0) ? Int64(0) : null;

    public abstract bool IsNull(int column);

    public abstract long Int64(int column);

    /// <summary>A column as text; a timestamp in its stored form (<see cref="Rfc3339"/>).</summary>
    public abstract string Text(int column);

    /// <summary>
    /// A text column as UTF-8, valid until the statement moves on: read without making a string (SQLite hands out
    /// its own bytes); by default the text encoded.
    /// </summary>
    public virtual ReadOnlySpan<byte> Utf8(int column) => Encoding.UTF8.GetBytes(Text(column));

    public string? OptionalText(int column) => IsNull(column) ? null : Text(column);

    /// <summary>Ready for the next use: the statement restarts and forgets its parameters.</summary>
    public abstract void Dispose();

    /// <summary>Frees the prepared statement; called when its connection closes.</summary>
    public abstract void Close();
}
