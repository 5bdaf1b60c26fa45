using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Marsad.Web.Infrastructure;

namespace Marsad.Web.Features.Auth;

/// <summary>Cookie sign-in, authorization policies and antiforgery for state-changing requests.</summary>
internal static class AuthSetup
{
    public const string ReaderPolicy = "reader";
    public const string ReviewerPolicy = "reviewer";
    public const string CsrfHeader = "X-CSRF-TOKEN";
    public const string LoginRateLimit = "login";

    /// <summary>Sign-in attempts allowed per client address per minute (slows password guessing).</summary>
    public const int LoginAttemptsPerMinute = 10;

    /// <summary>A session ends this long after sign-in, however active (absolute expiry, never slid).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    public static IServiceCollection AddMarsadAuth(this IServiceCollection services, WebOptions options)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(c =>
            {
                c.Cookie.Name = "marsad.auth";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Strict;
                c.Cookie.SecurePolicy = options.Https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                c.ExpireTimeSpan = SessionLifetime;
                c.SlidingExpiration = false;
                c.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
                c.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                c.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((c, time) => c.TimeProvider = time);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReaderPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(ReviewerPolicy, p => p.RequireAuthenticatedUser().RequireRole("reviewer", "admin"));
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.OnRejected = (ctx, ct) => new ValueTask(ctx.HttpContext.Response.WriteAsJsonAsync(
                new ErrorBody("Too many sign-in attempts; wait a minute.", ApiErrorCode.TooManyRequests), WebJson.Options, ct));
            r.AddPolicy(LoginRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddAntiforgery(a =>
        {
            a.HeaderName = CsrfHeader;
            a.Cookie.Name = "marsad.csrf";
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.Cookie.SecurePolicy = options.Https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>Every POST/PUT/PATCH/DELETE under /api must carry a valid antiforgery token header.</summary>
    public static IApplicationBuilder UseMarsadAntiforgery(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            var m = ctx.Request.Method;
            if (!HttpMethods.IsGet(m) && !HttpMethods.IsHead(m) && !HttpMethods.IsOptions(m)
                && ctx.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                var af = ctx.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await af.IsRequestValidAsync(ctx).ConfigureAwait(false))
                {
                    ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
                    ctx.Response.Headers["X-CSRF-Failed"] = "1";
                    await ctx.Response.WriteAsJsonAsync(new ErrorBody("Missing or invalid antiforgery token.", ApiErrorCode.Antiforgery), WebJson.Options).ConfigureAwait(false);
                    return;
                }
            }

            await next(ctx).ConfigureAwait(false);
        });

    public static string? UserName(this ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true } ? user.Identity.Name : null;
}
