namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// The network between the bot and one broker simulator: while the broker is down every call is refused before
/// it leaves (as a refused connection reads to the adapter), and none reaches the simulator's journal.
/// </summary>
public sealed class BrokerOutage() : DelegatingHandler(new SocketsHttpHandler())
{
    private volatile bool down;

    public bool IsDown => down;

    public void GoDown() => down = true;

    public void ComeBackUp() => down = false;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        down
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (the broker is down)"))
            : base.SendAsync(request, cancellationToken);
}
