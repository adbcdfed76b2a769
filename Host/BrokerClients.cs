using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Domain.Execution.Alpaca;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Execution.Schwab;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Host;

/// <summary>The process's broker adapters, each on an HTTP client of its own, disposed with the process.</summary>
internal sealed class BrokerClients : IDisposable
{
    private readonly List<HttpClient> clients = [];

    /// <summary>The adapter of <paramref name="kind"/> from its section of the configuration (checked when the file was read).</summary>
    public IExecutor Connect(SupportedExecutor kind, BotConfiguration config, BrokerHttpOptions http, TimeProvider clock)
    {
        if (kind == SupportedExecutor.Schwab)
        {
            var schwab = config.Schwab!;
            var schwabClient = Client(schwab.BaseUrl);
            return new SchwabExecutor(schwabClient, new SchwabOptions(schwab.AppKey, schwab.AppSecret, schwab.RefreshToken, schwab.AccountHash) { Http = http }, clock);
        }

        var alpaca = config.Alpaca!;
        return new AlpacaBrokerApiExecutor(Client(alpaca.BaseUrl), new AlpacaBrokerApiOptions(alpaca.ApiKey, alpaca.ApiSecret, alpaca.AccountId) { Http = http }, clock);
    }

    public void Dispose() => clients.ForEach(client => client.Dispose());

    private HttpClient Client(Uri baseUrl)
    {
        var client = new HttpClient { BaseAddress = baseUrl };
        clients.Add(client);
        return client;
    }
}
