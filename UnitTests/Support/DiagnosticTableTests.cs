using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Support;

namespace TradingBot.Acceptance.UnitTests.Support;

[TestFixture]
public sealed class DiagnosticTableTests
{
    [Test]
    public void A_table_is_written_with_aligned_columns_under_its_title_and_row_count()
    {
        var table = new DiagnosticTable("Event log", ["sequence", "event"], [["1", "OnChainTradeRecorded"], ["2", "PositionHedged"]]);
        table.ToText().ShouldBe(
            """
            Event log (2 rows)
            | sequence | event                |
            |----------|----------------------|
            | 1        | OnChainTradeRecorded |
            | 2        | PositionHedged       |
            """.ReplaceLineEndings("\n").Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }

    [Test]
    public void Pipes_and_line_breaks_in_a_cell_do_not_break_the_table() =>
        new DiagnosticTable("Requests", ["body"], [["a|b\nc"]]).ToText().ShouldEndWith("| a\\|b c |");
}
