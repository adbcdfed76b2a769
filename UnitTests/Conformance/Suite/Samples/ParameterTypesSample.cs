using Reqnroll;

namespace TradingBot.Acceptance.Conformance.Samples;

[Binding]
[Scope(Feature = "Parameter Types")]
public sealed class ParameterTypesSample
{
    [StepArgumentTransformation("([A-Z]{3})-([A-Z]{3})", Name = "flight")]
    public Flight ToFlight(string from, string to) => new(from, to);

    [Given("{flight} has been delayed")]
    public void GivenFlightHasBeenDelayed(Flight flight)
    {
        if (flight != new Flight("LHR", "CDG"))
            throw new InvalidOperationException($"Unexpected flight {flight}.");
    }
}
