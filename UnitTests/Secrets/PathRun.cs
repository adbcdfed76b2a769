using Microsoft.Extensions.Logging;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Execution.BrokerHttp;
using TradingBot.Acceptance.Domain.Finance;
using TradingBot.Acceptance.Domain.Hosting;
using TradingBot.Acceptance.Domain.Execution;
using TradingBot.Acceptance.Support.World;
using TradingBot.Acceptance.UnitTests.Hedging;

namespace TradingBot.Acceptance.UnitTests.Secrets;

/// <summary>One failure path driven once: where the venue is, the clock, the run's database and loggers.</summary>
public sealed class PathRun(Uri venue, VenueFault fault, ScenarioClock clock, SqliteDatabase database, ILoggerFactory loggers, int serial)
{
    /// <summary>Retries without waits, so only a request timeout needs the clock to move.</summary>
    public static readonly BrokerHttpOptions BrokerHttp = new()
    {
        ReadBackoffFirstDelay = TimeSpan.Zero,
        RateLimitFirstDelay = TimeSpan.Zero,
        Jitter = () => 0.5,
    };

    public Uri Venue { get; } = venue;

    public VenueFault Fault { get; } = fault;

    public ScenarioClock Clock { get; } = clock;

    public SqliteDatabase Database { get; } = database;

    public ILoggerFactory Loggers { get; } = loggers;

    /// <summary>A client for the venue; a held request ends after a short real timeout where no clock governs it.</summary>
    public HttpClient Client(HttpClient? configured = null)
    {
        var client = configured ?? new HttpClient { BaseAddress = Venue };
        if (Fault == VenueFault.Timeout)
            client.Timeout = TimeSpan.FromMilliseconds(300);
        return client;
    }

    /// <summary>The bot records a sell of <paramref name="shares"/> tAAPL on-chain and sends its hedge to <paramref name="executor"/>.</summary>
    public async Task<object?> HedgeAsync(IExecutor executor, decimal shares)
    {
        var bot = BotComposition.For(Database, executor, Clock);
        var execution = await bot.Conductor.ProcessTradeWithinTransactionAsync(
            HedgingTestBed.Fill(HedgingTestBed.Hash(serial), "tAAPL", shares, Direction.Sell), CancellationToken.None);
        return execution is null
            ? "market closed: nothing sent"
            : await bot.Conductor.ExecutePendingOffchainExecutionAsync(execution.ExecutionId, CancellationToken.None);
    }
}
