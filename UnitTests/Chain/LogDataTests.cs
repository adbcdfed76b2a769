using System.Text.Json;
using NUnit.Framework;
using Shouldly;
using TradingBot.Acceptance.Domain.Chain;

namespace TradingBot.Acceptance.UnitTests.Chain;

[TestFixture]
public sealed class LogDataTests
{
    [TestCase("\"0x00ff10\"", new byte[] { 0x00, 0xff, 0x10 })]
    [TestCase("\"0X00FF10\"", new byte[] { 0x00, 0xff, 0x10 })]
    [TestCase("\"0x\"", new byte[0])]
    [TestCase("\"0x00\\u0066f10\"", new byte[] { 0x00, 0xff, 0x10 })]
    public void Hex_in_a_nodes_JSON_is_read_into_its_bytes_escaped_or_not(string json, byte[] expected)
    {
        var data = Read(json);

        data.Bytes.ShouldBe(expected);
        data.ShouldBe(LogData.FromText("0x00ff10"[..(2 + (expected.Length * 2))]));
    }

    [TestCase("\"0x0ff\"")]
    [TestCase("\"00ff\"")]
    [TestCase("\"0xzz\"")]
    public void Data_that_is_not_hex_is_kept_as_sent_and_fails_to_decode(string json)
    {
        var data = Read(json);

        data.ToString().ShouldBe(JsonSerializer.Deserialize<string>(json));
        Should.Throw<FormatException>(() => data.Bytes);
    }

    [Test]
    public void Data_made_from_text_writes_that_text_and_data_read_from_JSON_writes_lower_case_hex()
    {
        LogData given = "0xABCD";

        (given.ToString(), Read("\"0xABCD\"").ToString()).ShouldBe(("0xABCD", "0xabcd"));
        given.ShouldBe(Read("\"0xabcd\""), "the same bytes");
    }

    private static LogData Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return LogData.Read(document.RootElement);
    }
}
