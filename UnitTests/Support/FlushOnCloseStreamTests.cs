using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Support.Reports;

namespace TradingBot.Acceptance.UnitTests.Support;

[TestFixture]
public sealed class FlushOnCloseStreamTests
{
    private string path = null!;

    [SetUp]
    public void CreatePath() => path = Path.Combine(Path.GetTempPath(), $"flush-on-close-{Guid.NewGuid():N}.txt");

    [TearDown]
    public void DeleteFile() => File.Delete(path);

    [Test]
    public async Task A_flush_leaves_the_bytes_in_the_file_buffer()
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 4096);
        await using var stream = new FlushOnCloseStream(file);
        await stream.WriteAsync("<p>one</p>"u8.ToArray());
        await stream.FlushAsync();
        stream.Flush();

        new FileInfo(path).Length.ShouldBe(0, "bytes on disk before the report is closed");
    }

    [Test]
    public async Task Closing_writes_every_byte_and_closes_the_file()
    {
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 4096);
        await using (var writer = new StreamWriter(new FlushOnCloseStream(file)))
        {
            await writer.WriteAsync("<p>one</p>");
            await writer.FlushAsync();
            await writer.WriteAsync("<p>two</p>");
        }

        (await File.ReadAllTextAsync(path)).ShouldBe("<p>one</p><p>two</p>");
        file.CanWrite.ShouldBeFalse("the file is closed with the report");
    }
}
