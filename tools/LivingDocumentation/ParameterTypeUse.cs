namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>A parameter type of the step expressions: what it accepts and the values the features gave it.</summary>
/// <param name="Name">The name inside the braces: <c>int</c> for <c>{int}</c>.</param>
/// <param name="AllowedValues">What a product owner may write there, in words.</param>
/// <param name="RegularExpressions">The patterns the value must match.</param>
/// <param name="ValuesUsed">Distinct values the features used, in the order first seen.</param>
public sealed record ParameterTypeUse(
    string Name, string AllowedValues, IReadOnlyList<string> RegularExpressions, IReadOnlyList<string> ValuesUsed);
