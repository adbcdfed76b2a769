using System.Globalization;
using TradingBot.Acceptance.Support;

namespace TradingBot.Acceptance.Sample;

/// <summary>What the calculator did in one scenario: the sample's stand-in for the bot's event log.</summary>
public sealed class CalculatorLog : IScenarioDiagnostics
{
    private readonly List<IReadOnlyList<string>> entries = [];

    public void Record(string operation, int number) =>
        entries.Add([(entries.Count + 1).ToString(CultureInfo.InvariantCulture), operation, number.ToString(CultureInfo.InvariantCulture)]);

    public IReadOnlyList<DiagnosticTable> Describe() => [new DiagnosticTable("Calculator log", ["#", "operation", "number"], entries)];
}
