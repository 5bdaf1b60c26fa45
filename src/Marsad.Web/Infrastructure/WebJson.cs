using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.StaticFiles;

namespace Marsad.Web.Infrastructure;

/// <summary>JSON settings of the API: camelCase, nulls kept, HTML-sensitive characters escaped.</summary>
internal static class WebJson
{
    /// <summary>The API's settings, for responses serialized ahead of time (memoized views).</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(o);
        return o;
    }

    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.Encoder = JavaScriptEncoder.Default;
        o.NumberHandling = JsonNumberHandling.Strict;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}

/// <summary>What went wrong, for the UI to say in the reader's language (the English message is for API users).</summary>
internal enum ApiErrorCode
{
    BadRequest,
    BadFilter,
    NotFound,
    Unauthorized,
    Forbidden,
    BadLogin,
    CredentialsRequired,
    AccountDisabled,
    TooManyRequests,
    Antiforgery,
    TooLarge,
    Internal,
}

/// <summary>Errors as JSON <c>{error, code}</c>; exceptions never leak details.</summary>
internal static class ApiErrors
{
    public static async Task Handle(HttpContext ctx)
    {
        var error = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
        (int status, ApiErrorCode code, string message) = error switch
        {
            BadHttpRequestException b => (b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge ? ApiErrorCode.TooLarge : ApiErrorCode.BadRequest, "Bad request."),
            KeyNotFoundException => (StatusCodes.Status404NotFound, ApiErrorCode.NotFound, "Not found."),
            FormatException or ArgumentException or InvalidOperationException => (StatusCodes.Status400BadRequest, ApiErrorCode.BadRequest, error.Message),
            _ => (StatusCodes.Status500InternalServerError, ApiErrorCode.Internal, "Internal error."),
        };
        ctx.Response.StatusCode = status;
        await ctx.Response.WriteAsJsonAsync(new ErrorBody(message, code), WebJson.Options).ConfigureAwait(false);
    }

    /// <summary>Bodiless API errors (401 from the auth policies, 404 of unknown routes, 405) get the same JSON shape.</summary>
    public static async Task StatusCodePage(Microsoft.AspNetCore.Diagnostics.StatusCodeContext ctx)
    {
        var http = ctx.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("HTTP " + http.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
            return;
        }

        var status = http.Response.StatusCode;
        var code = status switch
        {
            StatusCodes.Status401Unauthorized => ApiErrorCode.Unauthorized,
            StatusCodes.Status403Forbidden => ApiErrorCode.Forbidden,
            StatusCodes.Status404NotFound => ApiErrorCode.NotFound,
            StatusCodes.Status413PayloadTooLarge => ApiErrorCode.TooLarge,
            StatusCodes.Status429TooManyRequests => ApiErrorCode.TooManyRequests,
            >= 500 => ApiErrorCode.Internal,
            _ => ApiErrorCode.BadRequest,
        };
        await http.Response.WriteAsJsonAsync(new ErrorBody(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), code), WebJson.Options).ConfigureAwait(false);
    }

    public static IResult Error(int status, ApiErrorCode code, string message) =>
        Results.Json(new ErrorBody(message, code), WebJson.Options, statusCode: status);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, ApiErrorCode.BadRequest, message);

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, ApiErrorCode.NotFound, "Not found.");
}

internal sealed record ErrorBody(string Error, ApiErrorCode Code);

internal static class StaticContentTypes
{
    public static readonly FileExtensionContentTypeProvider Provider = Create();

    private static FileExtensionContentTypeProvider Create()
    {
        var p = new FileExtensionContentTypeProvider();
        p.Mappings[".geojson"] = "application/geo+json";
        p.Mappings[".mjs"] = "text/javascript";
        return p;
    }
}
