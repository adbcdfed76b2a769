using System.Globalization;
using TradingBot.Acceptance.Support.Fakes;

namespace TradingBot.Acceptance.Support.Hosting;

/// <summary>For the report of a failed scenario: what the trigger sent, and every request Alpaca and Circle received.</summary>
public sealed class RebalancingDiagnostics(ScenarioRebalancing rebalancing) : IScenarioDiagnostics
{
    public IReadOnlyList<DiagnosticTable> Describe()
    {
        if (rebalancing.Running is not { } host)
            return [];
        IReadOnlyList<IReadOnlyList<string>> operations =
            [.. host.Trigger.SentOperations.Select((operation, index) => (IReadOnlyList<string>)[(index + 1).ToString(CultureInfo.InvariantCulture), operation.ToString()])];
        return
        [
            new DiagnosticTable("Operations sent to the rebalancer", ["#", "operation"], operations),
            Requests("Alpaca tokenization requests", host.Tokenization.Received()),
            Requests("Alpaca wallet requests", host.Wallet.Received()),
            Requests("Circle requests", host.Circle.Received()),
        ];
    }

    private static DiagnosticTable Requests(string title, IReadOnlyList<ReceivedRequest> requests) =>
        new(title, ["method", "path", "query", "body"],
            [.. requests.Select(request => (IReadOnlyList<string>)[request.Method, request.Path, request.Query, request.Body?.ToJsonString() ?? ""])]);
}
