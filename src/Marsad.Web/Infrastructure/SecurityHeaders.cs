namespace Marsad.Web.Infrastructure;

/// <summary>Security headers on every response, including a Content-Security-Policy without inline scripts.</summary>
internal static class SecurityHeaders
{
    public static string ContentSecurityPolicy(WebOptions options)
    {
        var img = "'self' data:";
        if (TileOrigin(options.TileUrl) is { } origin)
        {
            img += " " + origin;
        }

        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src " + img +
            "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>The scheme://host[:port] of a tile URL template, or null when it is not an http(s) URL.</summary>
    public static string? TileOrigin(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl))
        {
            return null;
        }

        // Template placeholders ({s}, {z}) are not valid host characters: parse with them replaced.
        var probe = tileUrl.Replace("{s}", "a", StringComparison.Ordinal);
        if (!Uri.TryCreate(probe.Replace("{z}", "0", StringComparison.Ordinal).Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var host = tileUrl.Contains("{s}", StringComparison.Ordinal) ? "*." + uri.Host.Split('.', 2)[^1] : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }

    public static IApplicationBuilder UseMarsadSecurityHeaders(this IApplicationBuilder app, WebOptions options)
    {
        var csp = ContentSecurityPolicy(options);
        return app.Use(async (ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var h = ctx.Response.Headers;
                h.ContentSecurityPolicy = csp;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h["Cross-Origin-Resource-Policy"] = "same-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                if (options.Https)
                {
                    h.StrictTransportSecurity = "max-age=31536000";
                }

                if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
                {
                    h.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next(ctx).ConfigureAwait(false);
        });
    }
}
