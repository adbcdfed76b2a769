using System.Globalization;
using Gherkin.CucumberMessages;

namespace TradingBot.Acceptance.Support.Reports;

/// <summary>
/// The ids of a run's messages (test cases, their steps and attempts, hooks, step definitions): a counter, shared
/// by every worker of the run (one instance in the global container). Ids need only be unique within a run's
/// reports, and the pickles' ids, which the features' parsing gives, are GUIDs, which a number never equals.
/// Reqnroll's own generator drew 16 bytes from the cryptographic random generator for each.
/// </summary>
public sealed class CountingIdGenerator : IIdGenerator
{
    private long last;

    public string GetNewId() => Interlocked.Increment(ref last).ToString(CultureInfo.InvariantCulture);
}
