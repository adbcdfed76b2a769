namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>The parameter types Cucumber expressions in Reqnroll know without a custom definition.</summary>
public static class BuiltInParameterTypes
{
    private const string Number = @"-?\d*\.?\d+";

    private static readonly Dictionary<string, (string AllowedValues, string Pattern)> Known = new(StringComparer.Ordinal)
    {
        ["int"] = ("a whole number: 42, -3", @"-?\d+"),
        ["long"] = ("a whole number: 42, -3", @"-?\d+"),
        ["short"] = ("a whole number: 42, -3", @"-?\d+"),
        ["byte"] = ("a whole number from 0 to 255", @"\d+"),
        ["biginteger"] = ("a whole number of any size", @"-?\d+"),
        ["decimal"] = ("a number with a decimal point (.), no thousands separator: 1.2, -0.5, 100", Number),
        ["float"] = ("a number with a decimal point (.): 1.2, -0.5", Number),
        ["double"] = ("a number with a decimal point (.): 1.2, -0.5", Number),
        ["bigdecimal"] = ("a number with a decimal point (.): 1.2, -0.5", Number),
        ["word"] = ("one word without spaces: AAPL", @"[^\s]+"),
        ["string"] = ("text in double or single quotes: \"filled\"", "\"[^\"]*\"|'[^']*'"),
        [""] = ("any text", ".*"),
        ["DateTime"] = ("a date and time: 2026-03-02 14:30", ".*"),
        ["Guid"] = ("a GUID: 0f8fad5b-d9cb-469f-a165-70867728950e", ".*"),
    };

    public static bool TryDescribe(string name, out string allowedValues, out string pattern)
    {
        var found = Known.TryGetValue(name, out var description);
        (allowedValues, pattern) = found ? description : (string.Empty, string.Empty);
        return found;
    }
}
