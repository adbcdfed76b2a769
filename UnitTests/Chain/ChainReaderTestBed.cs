using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TradingBot.Acceptance.Domain.Chain;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Support.Chain;

namespace TradingBot.Acceptance.UnitTests.Chain;

/// <summary>
/// A chain reader against a simulated node on a fake clock, with its own database. The clock is advanced one second
/// at a time until what a test waits for has happened (the reader runs on real threads meanwhile).
/// </summary>
internal sealed class ChainReaderTestBed : IAsyncDisposable
{
    public const string Orderbook = "0xe522cb4a5fcb2eb31a52ff41a4653d85a4fd7c9d";
    public const long DeploymentBlock = 1000;
    public static readonly string Bot = OrderbookLogEncoder.Address(0xb07);
    public static readonly string Other = OrderbookLogEncoder.Address(0x0e1);
    private static readonly TimeSpan BlockTime = TimeSpan.FromSeconds(2);
    private CancellationTokenSource stopping = new();
    private Task running = Task.CompletedTask;

    private ChainReaderTestBed(SimulatedBaseNode node, FakeTimeProvider clock, SqliteDatabase database)
    {
        Node = node;
        Clock = clock;
        Database = database;
    }

    public SimulatedBaseNode Node { get; }

    public FakeTimeProvider Clock { get; }

    public SqliteDatabase Database { get; }

    public ChainReader Reader { get; private set; } = null!;

    public ChainLogProcessor Processor { get; private set; } = null!;

    public string Usdc => Node.Chain.Token("USDC");

    public string Token(string symbol) => Node.Chain.Token(symbol);

    public static async Task<ChainReaderTestBed> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 15, 0, 0, TimeSpan.Zero));
        var node = await SimulatedBaseNode.StartAsync(Orderbook, clock, BlockTime, DeploymentBlock);
        return new ChainReaderTestBed(node, clock, SqliteDatabase.InMemory(clock));
    }

    /// <summary>Starts a reader (again, after <see cref="StopAsync"/>: a restart on the same database).</summary>
    public void Run()
    {
        if (stopping.IsCancellationRequested)
        {
            stopping.Dispose();
            stopping = new CancellationTokenSource();
        }

        var settings = new OrderbookSettings(Orderbook, Bot, DeploymentBlock, RequiredConfirmations: 3);
        var options = new ChainReaderOptions(Node.WebSocketUri, settings);
        var connection = new ChainConnection();
        var symbols = new TokenSymbols(connection, (delay, token) => Task.Delay(delay, Clock, token));
        Processor = new ChainLogProcessor(settings, new OrderbookFillReader(settings, connection, symbols), Database, Clock, () => { });
        Reader = new ChainReader(options, Processor, connection, Clock, new Random(7), NullLogger<ChainReader>.Instance);
        running = Task.Run(() => Reader.RunAsync(stopping.Token));
    }

    public string Take(string owner, string symbol, decimal shares, decimal usdc, bool botSells = true) =>
        Node.Chain.SubmitTake(botSells
            ? OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(owner, Usdc, Token(symbol)), takerInput: shares, takerOutput: usdc)
            : OrderbookLogEncoder.TakeOrder(OrderbookLogEncoder.Order(owner, Token(symbol), Usdc), takerInput: usdc, takerOutput: shares));

    public IReadOnlyList<QueuedEvent> Queue()
    {
        using var read = Database.BeginRead();
        return read.EventQueue.All();
    }

    public long? Checkpoint()
    {
        using var read = Database.BeginRead();
        return new ChainIngestion(read).Checkpoint(Orderbook);
    }

    public IReadOnlyList<(string TxHash, long LogIndex, string Reason)> Skipped()
    {
        using var read = Database.BeginRead();
        return new ChainIngestion(read).SkippedFills();
    }

    /// <summary>Advances the clock a second at a time until <paramref name="done"/>; fails after 10 simulated minutes.</summary>
    public async Task UntilAsync(Func<bool> done, string what)
    {
        for (var second = 0; second < 600; second++)
        {
            if (done())
                return;
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(15);
        }

        done().ShouldBeTrue($"{what} within 10 minutes of the clock");
    }

    /// <summary>Lets <paramref name="seconds"/> of the clock pass.</summary>
    public Task PassAsync(int seconds)
    {
        var end = Clock.GetUtcNow().AddSeconds(seconds);
        return UntilAsync(() => Clock.GetUtcNow() >= end, $"{seconds} s");
    }

    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        await running;
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopping.IsCancellationRequested)
            await StopAsync();
        stopping.Dispose();
        await Node.DisposeAsync();
        Database.Dispose();
    }
}
