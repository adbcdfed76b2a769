using TradingBot.Acceptance.Support.World;

namespace TradingBot.Acceptance.Support.Hosting;

/// <summary>Every request the broker simulator received and its answer (WireMock's journal), when the broker spoke HTTP.</summary>
public sealed class BrokerRequestDiagnostics(ScenarioBroker broker) : IScenarioDiagnostics
{
    public IReadOnlyList<DiagnosticTable> Describe() =>
        broker.OverHttp
            ? [new DiagnosticTable("Broker requests (WireMock)", ["request and answer"], broker.RequestLog().Select(line => (IReadOnlyList<string>)[line]).ToList())]
            : [];
}
