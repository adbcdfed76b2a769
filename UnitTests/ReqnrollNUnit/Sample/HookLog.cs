namespace TradingBot.Acceptance.Sample;

/// <summary>Appends what hooks and bindings did to the file named by SAMPLE_HOOK_LOG.</summary>
public sealed class HookLog
{
    private static readonly Lock Gate = new();

    private readonly string? path = Environment.GetEnvironmentVariable("SAMPLE_HOOK_LOG");

    public void Write(string line)
    {
        if (path is null)
            return;
        lock (Gate)
            File.AppendAllText(path, line + Environment.NewLine);
    }
}
