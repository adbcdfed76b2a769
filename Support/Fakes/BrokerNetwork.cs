namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// The network between the bot and its HTTP broker simulator. It counts every request the bot tries to send,
/// and it can be cut: a request then fails to connect before it leaves (connection refused), as when the
/// broker's servers cannot be reached, until the network is restored.
/// </summary>
public sealed class BrokerNetwork() : DelegatingHandler(new SocketsHttpHandler())
{
    private int attempts;
    private volatile bool cut;

    /// <summary>Requests the bot tried to send, those that could not connect included.</summary>
    public int Attempts => Volatile.Read(ref attempts);

    public void Cut() => cut = true;

    public void Restore() => cut = false;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref attempts);
        return cut
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused: the broker cannot be reached."))
            : base.SendAsync(request, cancellationToken);
    }
}
