using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Bindings;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>One step of a pickle, with the keyword as written in the feature file.</summary>
/// <param name="Kind">Given, When or Then; an And or But step takes the kind of the step before it.</param>
public sealed record ScenarioStep(
    string Keyword, StepKeywordType KeywordType, StepDefinitionType Kind, string Text, string? DocString, Table? Table, long Line);
