using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Data Tables")]
public sealed class DataTablesSample
{
    private List<string[]> transposed = [];

    [When("the following table is transposed:")]
    public void WhenTheFollowingTableIsTransposed(Table table)
    {
        var rows = Raw(table);
        transposed = Enumerable.Range(0, rows[0].Length).Select(column => rows.Select(row => row[column]).ToArray()).ToList();
    }

    [Then("it should be:")]
    public void ThenItShouldBe(Table expected)
    {
        var rows = Raw(expected);
        if (rows.Count != transposed.Count || rows.Zip(transposed).Any(pair => !pair.First.SequenceEqual(pair.Second)))
            throw new InvalidOperationException("The transposed table differs.");
    }

    private static List<string[]> Raw(Table table) =>
        table.Rows.Select(row => row.Values.ToArray()).Prepend(table.Header.ToArray()).ToList();
}
