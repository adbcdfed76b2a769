namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// What an HTTP broker simulator's order book may stop doing for orders in doubt, whichever broker it plays:
/// answering status reads (until the scenario reports on the order) and answering cancel requests; and the
/// cancel requests it received. Thread-safe: the bot's workers call the simulator in parallel.
/// </summary>
public sealed class OrderBookFaults
{
    private readonly Lock gate = new();
    private readonly List<string> cancelRequests = [];
    private readonly HashSet<string> reportedSinceSilence = [];
    private bool statusSilent;
    private bool cancelsUnanswered;

    public void StopAnsweringStatusRequests()
    {
        lock (gate)
        {
            statusSilent = true;
            reportedSinceSilence.Clear();
        }
    }

    public void NeverAnswerCancels()
    {
        lock (gate)
            cancelsUnanswered = true;
    }

    /// <summary>The scenario's broker said how the order stands: its status is answered again.</summary>
    public void Reported(string orderId)
    {
        lock (gate)
            reportedSinceSilence.Add(orderId);
    }

    public bool StatusUnanswered(string orderId)
    {
        lock (gate)
            return statusSilent && !reportedSinceSilence.Contains(orderId);
    }

    /// <summary>Counts a cancel request; <c>false</c> when the broker does not answer it.</summary>
    public bool AnswersCancel(string orderId)
    {
        lock (gate)
        {
            cancelRequests.Add(orderId);
            return !cancelsUnanswered;
        }
    }

    public IReadOnlyList<string> CancelRequests()
    {
        lock (gate)
            return [.. cancelRequests];
    }
}
