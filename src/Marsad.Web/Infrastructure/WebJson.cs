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

/// <summary>Errors as JSON <c>{error}</c>; exceptions never leak details.</summary>
internal static class ApiErrors
{
    public static async Task Handle(HttpContext ctx)
    {
        var error = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
        (int status, string message) = error switch
        {
            BadHttpRequestException b => (b.StatusCode, "Bad request."),
            KeyNotFoundException => (StatusCodes.Status404NotFound, "Not found."),
            FormatException or ArgumentException or InvalidOperationException => (StatusCodes.Status400BadRequest, error.Message),
            _ => (StatusCodes.Status500InternalServerError, "Internal error."),
        };
        ctx.Response.StatusCode = status;
        await ctx.Response.WriteAsJsonAsync(new { error = message }).ConfigureAwait(false);
    }

    public static IResult BadRequest(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound() => Results.Json(new { error = "Not found." }, statusCode: StatusCodes.Status404NotFound);
}

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
