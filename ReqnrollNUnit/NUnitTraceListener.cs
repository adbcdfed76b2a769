using NUnit.Framework;
using Reqnroll.Tracing;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>
/// Writes Reqnroll's step trace into the output of the NUnit test that runs the scenario, as
/// <c>Reqnroll.NUnit</c> does. Without it Reqnroll queues every line of a parallel run to a background
/// thread that prints it to the console, apart from its test (and costs a thread and a hand-over per line).
/// </summary>
public sealed class NUnitTraceListener : ITraceListener
{
    public void WriteTestOutput(string message) => TestContext.Out.WriteLine(message);

    public void WriteToolOutput(string message) => TestContext.Out.WriteLine("-> " + message);
}
