using System.Net;

namespace TradingBot.Acceptance.Domain.Http;

/// <summary>An external API answered with an error (after the retry budget for 5xx/429), or with a body we cannot read.</summary>
public sealed class ExternalApiException : Exception
{
    public ExternalApiException(HttpStatusCode? status, string message)
        : base(message) => Status = status;

    public ExternalApiException()
    {
    }

    public ExternalApiException(string message)
        : base(message)
    {
    }

    public ExternalApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode? Status { get; }
}
