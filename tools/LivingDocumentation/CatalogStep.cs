namespace TradingBot.Acceptance.LivingDocumentation;

/// <summary>One step a product owner can write: a step definition, where it is bound and where it is used.</summary>
/// <param name="Expression">The Cucumber expression or regular expression the step matches.</param>
/// <param name="BoundBy">The binding method, <c>Class.Method(ParameterTypes)</c>.</param>
/// <param name="ParameterNames">The parameter types of the expression, in order (<c>int</c>, <c>usd</c>, …).</param>
/// <param name="Example">A step from the features that it matched, with the values of that run; null when unused.</param>
/// <param name="Uses">Each feature that uses it, with the number of scenarios (outline rows count one each).</param>
/// <param name="Area">The feature area it belongs to: its binding class without <c>Steps</c>, in words (<c>On chain</c>).</param>
public sealed record CatalogStep(
    string Area,
    string Expression,
    bool IsRegularExpression,
    string BoundBy,
    IReadOnlyList<string> ParameterNames,
    CatalogExample? Example,
    IReadOnlyList<FeatureUse> Uses);
