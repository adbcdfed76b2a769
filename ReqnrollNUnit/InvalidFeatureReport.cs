using System.Reflection;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Formatters.PubSub;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>Puts a feature file that is not valid Gherkin into the run's reports: its source, then one <c>parseError</c> per problem.</summary>
public static class InvalidFeatureReport
{
    public static async Task PublishAsync(Assembly testAssembly, FeatureParseException invalidFile)
    {
        ArgumentNullException.ThrowIfNull(invalidFile);
        var runner = TestRunnerManager.GetTestRunnerForAssembly(testAssembly);
        try
        {
            var broker = runner.TestThreadContext.TestThreadContainer.Resolve<ICucumberMessageBroker>();
            await broker.PublishAsync(Envelope.Create(new Source(invalidFile.Uri, invalidFile.Text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN)));
            foreach (var error in invalidFile.Errors)
            {
                await broker.PublishAsync(Envelope.Create(new ParseError(
                    new SourceReference(error.Uri, null, null, new Location(error.Line, error.Column)), error.ToString())));
            }
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }
}
