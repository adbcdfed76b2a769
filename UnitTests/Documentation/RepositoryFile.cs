namespace TradingBot.Acceptance.UnitTests.Documentation;

/// <summary>A text file of the repository: its path relative to the root, and its content.</summary>
public sealed record RepositoryFile(string Path, string Text);
