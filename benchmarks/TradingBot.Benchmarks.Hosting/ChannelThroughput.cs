using System.Diagnostics;
using System.Threading.Channels;
using TradingBot.Acceptance.Domain.EventSourcing;
using TradingBot.Acceptance.Domain.Hosting;

namespace TradingBot.Benchmarks.Hosting;

/// <summary>Messages per second through the bot's bounded fill channel, one writer and one reader, as the receiver and the writer use it.</summary>
public static class ChannelThroughput
{
    public static async Task<double> RunAsync(int messages)
    {
        var activity = new BotActivity(TimeProvider.System);
        var channels = new BotChannels(new BotOptions { ChainFeed = new Uri("ws://127.0.0.1/fills") }, activity);
        var message = new ChainEvent("0x01", 0, 1, null, "{}");
        var reader = channels.ReceivedFills.Reader;
        var started = Stopwatch.GetTimestamp();
        var consumer = Task.Run(async () =>
        {
            var read = 0;
            while (await reader.WaitToReadAsync())
                while (reader.TryRead(out _))
                    read++;
            return read;
        });
        var writer = channels.ReceivedFills.Writer;
        for (var sent = 0; sent < messages; sent++)
        {
            if (!writer.TryWrite(message))
                await writer.WriteAsync(message);
        }

        writer.Complete();
        var received = await consumer;
        var elapsed = Stopwatch.GetElapsedTime(started);
        return received / elapsed.TotalSeconds;
    }
}
