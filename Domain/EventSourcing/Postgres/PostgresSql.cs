using System.Text.RegularExpressions;

namespace TradingBot.Acceptance.Domain.EventSourcing.Postgres;

/// <summary>
/// The store's SQL is written once, in what SQLite and PostgreSQL share (<c>ON CONFLICT</c>, <c>rowid</c> is a
/// column of PostgreSQL's <c>events</c>, <c>json_extract</c> a function of its schema). What remains is turned
/// into PostgreSQL's here: positional parameters <c>?1</c> become <c>$1</c>, and SQLite's unary <c>+</c> that
/// keeps a column's index out of a query plan goes (PostgreSQL's planner needs no such hint).
/// </summary>
internal static partial class PostgresSql
{
    public static string Translate(string sql) =>
        UnaryPlus().Replace(Parameter().Replace(sql, "$$$1"), "$1");

    [GeneratedRegex(@"\?(\d+)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"(?<=[\s(])\+([a-z_]+)")]
    private static partial Regex UnaryPlus();
}
