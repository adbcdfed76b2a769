namespace TradingBot.Acceptance.Support;

/// <summary>
/// Tells what happened inside one scenario, for a reader of a failed scenario's report: the bot's event
/// log, the requests the fake brokers received. Scenario-scoped; drivers register their implementations
/// in the scenario container (one name each), and <see cref="Hooks.FailureDiagnosticsHooks"/> attaches
/// every table they give when the scenario fails.
/// </summary>
public interface IScenarioDiagnostics
{
    /// <summary>The tables to attach, read when the scenario has failed and before anything is disposed.</summary>
    IReadOnlyList<DiagnosticTable> Describe();
}
