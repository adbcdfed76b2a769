using System.Text;

namespace TradingBot.Acceptance.Support;

/// <summary>A titled table of what happened in a scenario, such as the event log, one row per entry.</summary>
public sealed record DiagnosticTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>
    /// The table as aligned Markdown-style text: it reads as a table in the HTML report's log view and in a
    /// terminal, and renders as one wherever Markdown does.
    /// </summary>
    public string ToText()
    {
        var widths = Columns.Select((column, index) => Rows.Select(row => Cell(row, index).Length).Append(column.Length).Max()).ToList();
        var text = new StringBuilder();
        text.Append(Title).Append(" (").Append(Rows.Count).Append(Rows.Count == 1 ? " row" : " rows").AppendLine(")");
        AppendRow(text, Columns, widths);
        text.Append('|').AppendJoin('|', widths.Select(width => new string('-', width + 2))).AppendLine("|");
        foreach (var row in Rows)
            AppendRow(text, row, widths);
        return text.ToString().TrimEnd();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, List<int> widths)
    {
        for (var index = 0; index < widths.Count; index++)
            text.Append("| ").Append(Cell(cells, index).PadRight(widths[index])).Append(' ');
        text.AppendLine("|");
    }

    private static string Cell(IReadOnlyList<string> cells, int index) =>
        index < cells.Count ? cells[index].ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal) : string.Empty;
}
