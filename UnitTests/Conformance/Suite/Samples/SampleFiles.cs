namespace TradingBot.Acceptance.Conformance.Samples;

/// <summary>The files a sample attaches, copied from the kit next to the suite's assembly.</summary>
internal static class SampleFiles
{
    public static string PathOf(string sample, string fileName) =>
        Path.Combine(Path.GetDirectoryName(typeof(SampleFiles).Assembly.Location)!, "Attachments", sample, fileName);
}
