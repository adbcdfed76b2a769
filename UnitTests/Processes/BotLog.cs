using NUnit.Framework;

namespace TradingBot.Acceptance.UnitTests.Processes;

/// <summary>The operator log of a bot process, read while it runs.</summary>
public static class BotLog
{
    public static string Read(BotProcess bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        if (bot.LogPath is not { } path || !File.Exists(path))
            return "";
        using var shared = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(shared);
        return reader.ReadToEnd();
    }

    /// <summary>Lines of the log that contain <paramref name="text"/>.</summary>
    public static int Count(BotProcess bot, string text) => Read(bot).Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits (reading every 100 ms) until the log has a line with <paramref name="text"/>; that line.</summary>
    public static async Task<string> WaitForAsync(BotProcess bot, string text, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (Read(bot).Split('\n').FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal)) is { } line)
                return line;
            await Task.Delay(100);
        }

        Assert.Fail($"The log of {bot.InstanceId} has no line with \"{text}\" after {patience.TotalSeconds} s:\n{Read(bot)}\n{bot.Output}");
        return "";
    }
}
