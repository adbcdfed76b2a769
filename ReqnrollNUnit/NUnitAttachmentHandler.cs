using NUnit.Framework;
using Reqnroll.Infrastructure;

namespace TradingBot.Acceptance.ReqnrollNUnit;

/// <summary>
/// Hands files attached with <c>IReqnrollOutputHelper.AddAttachment</c> to NUnit, as <c>Reqnroll.NUnit</c> does;
/// Reqnroll's output helper cannot be resolved without it, so no binding could write to the report.
/// </summary>
public sealed class NUnitAttachmentHandler : IReqnrollAttachmentHandler
{
    public void AddAttachment(string filePath) => TestContext.AddTestAttachment(filePath);
}
