using System.Collections.Concurrent;
using WireMock.Server;

namespace TradingBot.Acceptance.Support.Fakes;

/// <summary>
/// WireMock servers kept running between scenarios: starting one costs tens of milliseconds, resetting
/// one well under one. <see cref="Rent"/> hands out a server with no mappings, no request log and no
/// scenario state; disposing the lease resets it and puts it back. A server that was stopped (a broker
/// that went offline) is thrown away instead. One pool per test run; safe for parallel scenarios.
/// </summary>
public sealed class WireMockServerPool : IDisposable
{
    private readonly ConcurrentBag<WireMockServer> idle = [];
    private readonly ConcurrentDictionary<WireMockServer, byte> all = new();
    private volatile bool disposed;

    /// <summary>Servers started so far (idle or rented); more than the scenarios running at once means a leak.</summary>
    public int Started => all.Count;

    /// <summary>A running server on a free port, as fresh as a new one.</summary>
    public PooledWireMockServer Rent()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (idle.TryTake(out var server))
        {
            if (server.IsStarted)
                return new PooledWireMockServer(this, server);
            Discard(server);
        }

        var started = WireMockServer.Start();
        all.TryAdd(started, 0);
        return new PooledWireMockServer(this, started);
    }

    public void Dispose()
    {
        disposed = true;
        foreach (var server in all.Keys)
            Discard(server);
    }

    internal void Return(WireMockServer server)
    {
        if (disposed || !server.IsStarted)
        {
            Discard(server);
            return;
        }

        server.Reset();
        server.ResetScenarios();
        idle.Add(server);
    }

    private void Discard(WireMockServer server)
    {
        all.TryRemove(server, out _);
        server.Stop();
        server.Dispose();
    }
}
