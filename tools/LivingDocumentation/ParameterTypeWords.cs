using System.Text.RegularExpressions;

namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>
/// Says in words what a custom parameter type's pattern (its <c>[StepArgumentTransformation]</c>'s regular
/// expression, as the run's <c>parameterType</c> message gives it) lets a product owner write: the words it
/// lists (<c>buy|sell</c>) as they are, and the usual pattern pieces (digits, capitals, a decimal point) in words.
/// </summary>
public static partial class ParameterTypeWords
{
    private static readonly (string Piece, string Words)[] Pieces =
    [
        (@"\$", "a dollar sign"),
        ("-?", "an optional minus sign"),
        (@"\d+", "digits"),
        (@"(?:,\d{3})*", "with commas between thousands if you like"),
        (@"(?:\.\d+)?", "optionally a decimal point (.) and more digits"),
        ("[A-Z]", "a capital letter"),
        ("[A-Z0-9.]*", "then capitals, digits or dots"),
        ("[0-9A-Za-z]+", "then letters or digits"),
        ("[0-9a-f]+", "then lower-case hex digits"),
    ];

    /// <summary>The words a pattern such as <c>^(buy|sell)$</c> lists, in order; empty when it lists none.</summary>
    public static IReadOnlyList<string> ListedWords(string pattern) =>
        Alternatives(pattern).Where(IsPlainWord).ToList();

    /// <summary>What the pattern allows, in words: the words it lists, and each other alternative described.</summary>
    public static string Describe(string pattern)
    {
        var alternatives = Alternatives(pattern);
        var listed = alternatives.Where(IsPlainWord).Select(word => $"`{word}`").ToList();
        var described = alternatives.Where(alternative => !IsPlainWord(alternative)).Select(DescribeAlternative).ToList();
        if (described.Count == 0)
            return $"one of {string.Join(", ", listed)}";
        return listed.Count == 0 ? string.Join("; or ", described) : $"{string.Join(", ", listed)}, or {string.Join("; or ", described)}";
    }

    // Reqnroll anchors a transformation's pattern (^(…)$); its one group may list alternatives.
    private static List<string> Alternatives(string pattern)
    {
        var body = pattern.TrimStart('^').TrimEnd('$');
        if (body.StartsWith('(') && body.EndsWith(')') && !body.StartsWith("(?", StringComparison.Ordinal))
            body = body[1..^1];
        return SplitTopLevel(body);
    }

    private static List<string> SplitTopLevel(string body)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\')
                i++;
            else if (body[i] is '(' or '[')
                depth++;
            else if (body[i] is ')' or ']')
                depth--;
            else if (body[i] == '|' && depth == 0)
            {
                parts.Add(body[start..i]);
                start = i + 1;
            }
        }

        parts.Add(body[start..]);
        return parts;
    }

    private static string DescribeAlternative(string alternative)
    {
        var words = new List<string>();
        var rest = alternative;
        while (rest.Length > 0)
        {
            var piece = Pieces.FirstOrDefault(candidate => rest.StartsWith(candidate.Piece, StringComparison.Ordinal));
            var literal = Literal().Match(rest);
            if (piece.Piece is not null)
            {
                words.Add(piece.Words);
                rest = rest[piece.Piece.Length..];
            }
            else if (literal.Success)
            {
                words.Add($"`{literal.Value}`");
                rest = rest[literal.Length..];
            }
            else
            {
                words.Add($"text matching `{rest}`");
                break;
            }
        }

        return string.Join(", ", words);
    }

    private static bool IsPlainWord(string alternative) => PlainWord().IsMatch(alternative);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9 -]*$")]
    private static partial Regex PlainWord();

    [GeneratedRegex(@"^[A-Za-z0-9]+(?![*+?{])")]
    private static partial Regex Literal();
}
