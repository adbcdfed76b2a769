using System.Globalization;
using System.Text;

namespace TradingBot.Benchmarks.Report;

/// <summary>The table the benchmark command ends with, in Markdown so that it pastes into the README.</summary>
public sealed class ResultTable
{
    private readonly List<ResultRow> rows = [];

    public void Add(string figure, string measured, string target = "", string ratio = "", bool? met = null) =>
        rows.Add(new ResultRow(figure, measured, target, ratio, met));

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Milliseconds(TimeSpan value) => Number(value.TotalMilliseconds, "N2") + " ms";

    public static string Seconds(TimeSpan value) => Number(value.TotalSeconds, "N2") + " s";

    public static string Percent(double ratio) => Number(ratio * 100, "N0") + " %";

    public static string Times(double ratio) => Number(ratio, "N2") + "×";

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("| Figure | Measured | Target | Ratio | Met |");
        text.AppendLine("| --- | ---: | --- | ---: | --- |");
        foreach (var row in rows)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Figure} | {row.Measured} | {row.Target} | {row.Ratio} | {row.Met switch { true => "yes", false => "**no**", null => "" }} |");
        return text.ToString();
    }
}
