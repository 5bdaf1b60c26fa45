namespace Marsad.Watch.Http;

/// <summary>How a request ended.</summary>
public enum FetchStatus
{
    /// <summary>2xx with a body within the cap.</summary>
    Ok,

    /// <summary>304: the validators still hold.</summary>
    NotModified,

    /// <summary>robots.txt disallows the path (or could not be read: RFC 9309 says to assume it does).</summary>
    Disallowed,

    /// <summary>Any other HTTP status (including too many redirects).</summary>
    HttpError,

    /// <summary>No complete response within the timeout.</summary>
    Timeout,

    /// <summary>The body exceeded the size cap.</summary>
    TooLarge,

    /// <summary>Connection refused or reset, DNS failure, a broken body.</summary>
    NetworkError,
}

/// <summary>The validators a conditional GET sends (from the last fully processed response).</summary>
public readonly record struct Validators(string? ETag, string? LastModified)
{
    public static Validators None => default;
}

/// <summary>The outcome of one polite GET (after retries).</summary>
/// <param name="Url">The final URL (after redirects).</param>
/// <param name="RetryAfter">What the server's Retry-After asked for (429/503), if anything.</param>
public sealed record FetchResult(
    FetchStatus Status,
    Uri Url,
    int? HttpStatus,
    byte[]? Body,
    string? Charset,
    string? MediaType,
    Validators Validators,
    TimeSpan? RetryAfter,
    string? Error)
{
    public bool IsOk => Status == FetchStatus.Ok;

    /// <summary>Worth another try later: network errors, timeouts, 429 and 5xx. A 404 or a disallowed path is not.</summary>
    public bool IsTransient => Status is FetchStatus.NetworkError or FetchStatus.Timeout
        || (Status == FetchStatus.HttpError && HttpStatus is 408 or 429 or >= 500);

    public string Describe() => Status switch
    {
        FetchStatus.Ok => $"HTTP {HttpStatus}",
        FetchStatus.NotModified => "HTTP 304 not modified",
        _ => Error ?? Status.ToString(),
    };

    internal static FetchResult Failed(FetchStatus status, Uri url, string error, int? httpStatus = null, TimeSpan? retryAfter = null) =>
        new(status, url, httpStatus, null, null, null, Validators.None, retryAfter, error);
}
