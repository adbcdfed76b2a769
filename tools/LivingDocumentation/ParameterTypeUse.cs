namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>A parameter type of the step expressions: what it accepts and the values the features gave it.</summary>
/// <param name="Name">The name inside the braces, as the steps write it: <c>shares</c> for <c>{shares}</c>.</param>
/// <param name="AllowedValues">What a product owner may write there, in words.</param>
/// <param name="RegularExpressions">The patterns the value must match.</param>
/// <param name="ValuesUsed">Distinct values the features used, in the order first seen.</param>
/// <param name="Example">One value to copy: the first the features used, or the first the type lists.</param>
public sealed record ParameterTypeUse(
    string Name, string AllowedValues, IReadOnlyList<string> RegularExpressions, IReadOnlyList<string> ValuesUsed, string? Example);
