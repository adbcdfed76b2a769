namespace TradingBot.Benchmarks;

/// <summary>Finds the repository: the folder above the working directory that holds the acceptance project.</summary>
public static class Repository
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TradingBot.Acceptance.csproj")))
                return folder.FullName;
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository (benchmarks/run).");
    }
}
