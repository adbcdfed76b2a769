namespace TradingBot.Acceptance.UnitTests.Secrets;

/// <summary>How the hostile venue fails a driven path; every answer with a body reflects the request into it.</summary>
public enum VenueFault
{
    /// <summary>401: the credentials are refused, the request reflected in the body.</summary>
    Unauthorized,
    /// <summary>403, the request reflected.</summary>
    Forbidden,
    /// <summary>400 whose JSON <c>message</c> repeats the headers and the body of the request.</summary>
    EchoInMessage,
    /// <summary>422 in plain text, one header per line, then the request body.</summary>
    EchoAsText,
    /// <summary>500 with the request reflected as JSON, no <c>message</c>.</summary>
    ServerError,
    /// <summary>200 whose body is not JSON and reflects the request.</summary>
    MalformedJson,
    /// <summary>200 JSON object whose every field holds the reflected headers.</summary>
    WrongShapeObject,
    /// <summary>200 JSON list of one such object.</summary>
    WrongShapeList,
    /// <summary>The request is held: the caller's timeout ends it.</summary>
    Timeout,
    /// <summary>Nothing listens: the connection is refused.</summary>
    ConnectionRefused,
    /// <summary>A token answer with both tokens but no <c>expires_in</c> (token paths only).</summary>
    TokenWithoutExpiry,
}
