using System.Text.Json.Serialization;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;

namespace TradingBot.Acceptance.Support.Reports;

/// <summary>
/// The serializer of Cucumber messages, generated at build time with the settings of Reqnroll's
/// <c>NdjsonSerializer</c> (camel case, nulls left out, Reqnroll's enum converters naming each value by its
/// description), so that the reports are the same bytes. Reqnroll's serializer finds the enum types by scanning every
/// loaded assembly's types at start-up; they are listed here.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(DescriptionEnumConverter<AttachmentContentEncoding>),
        typeof(DescriptionEnumConverter<HookType>),
        typeof(DescriptionEnumConverter<PickleStepType>),
        typeof(DescriptionEnumConverter<SourceMediaType>),
        typeof(DescriptionEnumConverter<StepDefinitionPatternType>),
        typeof(DescriptionEnumConverter<StepKeywordType>),
        typeof(DescriptionEnumConverter<TestStepResultStatus>),
    ])]
[JsonSerializable(typeof(Envelope))]
internal sealed partial class CucumberMessagesJsonContext : JsonSerializerContext;
