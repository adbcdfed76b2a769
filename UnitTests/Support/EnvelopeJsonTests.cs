using System.Text;
using Io.Cucumber.Messages.Types;
using NUnit.Framework;
using Reqnroll.Formatters.PayloadProcessing;
using Shouldly;
using TradingBot.Acceptance.Support.Reports;

namespace TradingBot.Acceptance.UnitTests.Support;

/// <summary>The reports' JSON is byte for byte what Reqnroll's own serializer writes, for every kind of value a message holds.</summary>
[TestFixture]
public sealed class EnvelopeJsonTests
{
    // One message of each shape, with every enum, nulls left out, markup, quotes, non-ASCII text and an emoji.
    private static readonly string[] Messages =
    [
        """{"meta":{"protocolVersion":"30.1.0","implementation":{"name":"Reqnroll","version":"3.3.4"},"runtime":{"name":"dotnet"},"os":{"name":"Linux"},"cpu":{"name":"x64"}}}""",
        """{"source":{"uri":"Features/a.feature","data":"Feature: <b>Café</b> \"quoted\" & 'single' 🚀\n","mediaType":"text/x.cucumber.gherkin+plain"}}""",
        """{"pickle":{"id":"p1","uri":"Features/a.feature","location":{"line":3,"column":5},"name":"Prix en €","language":"en-US","steps":[{"argument":{"dataTable":{"rows":[{"cells":[{"value":"<x>"}]}]}},"astNodeIds":["a"],"id":"s1","type":"Action","text":"it runs"}],"tags":[{"name":"@wip","astNodeId":"t"}],"astNodeIds":["n"]}}""",
        """{"stepDefinition":{"id":"1","pattern":{"source":"the total is {int}","type":"CUCUMBER_EXPRESSION"},"sourceReference":{"uri":"Steps.cs","location":{"line":7}}}}""",
        """{"hook":{"id":"2","type":"BEFORE_TEST_CASE","sourceReference":{"uri":"Hooks.cs"}}}""",
        """{"testStepFinished":{"testCaseStartedId":"3","testStepId":"4","testStepResult":{"duration":{"seconds":0,"nanos":1500},"status":"FAILED","message":"expected <1> but was \"2\"","exception":{"type":"System.Exception","message":"ü"}},"timestamp":{"seconds":1765000000,"nanos":5}}}""",
        """{"attachment":{"body":"aGVsbG8=","contentEncoding":"BASE64","mediaType":"image/png","testCaseStartedId":"3"}}""",
        """{"gherkinDocument":{"uri":"Features/a.feature","feature":{"location":{"line":1,"column":1},"tags":[],"language":"en-US","keyword":"Feature","name":"A","description":"","children":[{"scenario":{"location":{"line":2,"column":3},"tags":[],"keyword":"Scenario","name":"S","description":"","steps":[{"location":{"line":3,"column":5},"keyword":"Given ","keywordType":"Context","text":"x","id":"g1"}],"examples":[],"id":"g2"}}]},"comments":[]}}""",
        """{"testRunFinished":{"success":true,"timestamp":{"seconds":1,"nanos":0},"testRunStartedId":"0"}}""",
    ];

    [TestCaseSource(nameof(Messages))]
    public void A_message_serializes_to_the_bytes_reqnroll_writes(string json)
    {
        var envelope = NdjsonSerializer.Deserialize(json);

        Encoding.UTF8.GetString(new EnvelopeJson().Utf8(envelope)).ShouldBe(NdjsonSerializer.Serialize(envelope));
    }

    [Test]
    public void A_message_is_serialized_once_for_both_reports()
    {
        var json = new EnvelopeJson();
        var envelope = NdjsonSerializer.Deserialize(Messages[^1]);

        json.Utf8(envelope).ShouldBeSameAs(json.Utf8(envelope));
    }
}
