using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.LivingDocumentation;

namespace TradingBot.Acceptance.UnitTests.LivingDocumentation;

[TestFixture]
public sealed class CoverageSummaryTests
{
    [Test]
    public void The_summary_gives_line_and_branch_coverage_with_their_counts()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("coverage-").FullName, "coverage.cobertura.xml");
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="0.8" branch-rate="0.5" version="1.9" timestamp="0" lines-covered="700" lines-valid="875" branches-covered="301" branches-valid="602">
              <packages />
            </coverage>
            """);

        CoverageSummary.Read(path).ToString().ShouldBe("lines 80.0% (700 of 875), branches 50.0% (301 of 602)");
    }

    [Test]
    public void A_file_that_is_not_a_cobertura_report_is_refused()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("coverage-").FullName, "junit.xml");
        File.WriteAllText(path, "<testsuites />");

        Should.Throw<InvalidDataException>(() => CoverageSummary.Read(path)).Message.ShouldContain("not a Cobertura coverage report");
    }
}
