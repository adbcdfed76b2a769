using WireMock.Server;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>A server rented from a <see cref="WireMockServerPool"/> for one scenario; dispose to give it back.</summary>
public sealed class PooledWireMockServer : IDisposable
{
    private readonly WireMockServerPool pool;
    private int returned;

    internal PooledWireMockServer(WireMockServerPool pool, WireMockServer server)
    {
        this.pool = pool;
        Server = server;
        Url = new Uri(server.Url!);
    }

    public WireMockServer Server { get; }

    public Uri Url { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref returned, 1) == 0)
            pool.Return(Server);
    }
}
