using System.Text;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>
/// Turns Gherkin titles into the identifiers Reqnroll's generator gives its NUnit classes and
/// methods, so that test names survive the switch to <c>Reqnroll.NUnit</c>.
/// </summary>
public static class TestNames
{
    /// <summary>The fixture name of a feature: its title as an identifier plus <c>Feature</c>.</summary>
    public static string ForFeature(string featureTitle) => ToIdentifier(featureTitle) + "Feature";

    /// <summary>
    /// Drops quotes, upper-cases each letter after a non-letter, turns each run of <c>.</c>, <c>-</c>
    /// and line breaks into one <c>_</c>, drops anything else that is not a letter, digit or <c>_</c>,
    /// upper-cases the first character and prefixes <c>_</c> when it starts with a digit.
    /// </summary>
    public static string ToIdentifier(string text)
    {
        var identifier = new StringBuilder(text.Length);
        var previousIsLetter = false;
        var inSeparatorRun = false;
        foreach (var character in text)
        {
            if (character is '\'' or '"')
                continue;
            if (character is '.' or '-' or '\r' or '\n')
            {
                if (!inSeparatorRun)
                    identifier.Append('_');
                inSeparatorRun = true;
                previousIsLetter = false;
                continue;
            }

            inSeparatorRun = false;
            if (char.IsLetter(character))
                identifier.Append(previousIsLetter ? character : char.ToUpperInvariant(character));
            else if (char.IsDigit(character) || character == '_')
                identifier.Append(character);
            previousIsLetter = char.IsLetter(character);
        }

        if (identifier.Length == 0)
            return "_";
        identifier[0] = char.ToUpperInvariant(identifier[0]);
        return char.IsDigit(identifier[0]) ? "_" + identifier : identifier.ToString();
    }
}
