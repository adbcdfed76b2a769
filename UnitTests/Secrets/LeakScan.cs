using System.Globalization;
using System.Text;

namespace TradingBot.Acceptance.UnitTests.Secrets;

/// <summary>
/// The texts gathered from each driven failure path, by where they were found (event store, log,
/// exception or result, report), and how often any form of a seeded secret occurs in them.
/// </summary>
public sealed class LeakScan
{
    public static readonly string[] Places = ["event store", "logs", "exceptions and results", "failure report"];

    private readonly List<(string Path, string Place, string Text)> texts = [];

    public void Add(string path, string place, string? text)
    {
        if (!Places.Contains(place))
            throw new ArgumentException($"unknown place '{place}'", nameof(place));
        lock (texts)
            texts.Add((path, place, text ?? ""));
    }

    public void AddAll(string path, string place, IEnumerable<string> lines)
    {
        foreach (var line in lines)
            Add(path, place, line);
    }

    public IReadOnlyList<string> Paths
    {
        get { lock (texts) return [.. texts.Select(text => text.Path).Distinct()]; }
    }

    /// <summary>Every occurrence of a secret's form: where, which secret and the text around it.</summary>
    public IReadOnlyList<string> Leaks()
    {
        lock (texts)
            return [.. texts.SelectMany(text => SeededSecrets.Forms
                .Where(form => text.Text.Contains(form.Text, StringComparison.Ordinal))
                .Select(form => $"{text.Path} / {text.Place}: {form.Name} in \"{Around(text.Text, form.Text)}\""))];
    }

    /// <summary>One row per path: texts scanned and hits in each place.</summary>
    public string Table()
    {
        lock (texts)
        {
            var table = new StringBuilder();
            table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{"path driven",-58} | {string.Join(" | ", Places.Select(place => $"{place} (texts/hits)"))}"));
            foreach (var path in texts.Select(text => text.Path).Distinct())
            {
                var cells = Places.Select(place =>
                {
                    var here = texts.Where(text => text.Path == path && text.Place == place).ToList();
                    var hits = here.Sum(text => SeededSecrets.Forms.Count(form => text.Text.Contains(form.Text, StringComparison.Ordinal)));
                    return string.Create(CultureInfo.InvariantCulture, $"{here.Count}/{hits}").PadLeft(place.Length + 13);
                });
                table.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{path,-58} | {string.Join(" | ", cells)}"));
            }
            var total = texts.Count;
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{texts.Select(text => text.Path).Distinct().Count()} paths, {total} texts, {SeededSecrets.Forms.Count} secret forms, {Leaks().Count} hits"));
            return table.ToString();
        }
    }

    private static string Around(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.Ordinal);
        var start = Math.Max(0, at - 60);
        return text[start..Math.Min(text.Length, at + secret.Length + 20)].ReplaceLineEndings(" ");
    }
}
