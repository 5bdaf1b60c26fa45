using System.Security.Claims;
using Marsad.Store;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Marsad.Web.Features.Auth;

internal sealed record LoginRequest(string? Username, string? Password);

/// <summary>Sign in / out and the antiforgery token.</summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/auth/csrf", (HttpContext ctx, IAntiforgery af) =>
        {
            var tokens = af.GetAndStoreTokens(ctx);
            return Results.Json(new { token = tokens.RequestToken, header = AuthSetup.CsrfHeader });
        });

        api.MapGet("/auth/me", (ClaimsPrincipal user) => Results.Json(Me(user)));

        api.MapPost("/auth/login", async (LoginRequest req, HttpContext ctx, IMarsadStore store) =>
        {
            var name = req.Username?.Trim();
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(req.Password))
            {
                return Results.Json(new { error = "User name and password are required." }, statusCode: StatusCodes.Status400BadRequest);
            }

            var u = await store.GetUserAsync(name, ctx.RequestAborted).ConfigureAwait(false);
            // Verify even for an unknown user, so timing does not tell which names exist.
            var ok = PasswordHashing.Verify(req.Password, u?.PasswordHash ?? DummyHash.Value);
            if (u is null || !ok)
            {
                return Results.Json(new { error = "Wrong user name or password." }, statusCode: StatusCodes.Status401Unauthorized);
            }

            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, u.Name), new Claim(ClaimTypes.Role, u.Role)],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity)).ConfigureAwait(false);
            return Results.Json(new { name = u.Name, role = u.Role });
        }).RequireRateLimiting(AuthSetup.LoginRateLimit);

        api.MapPost("/auth/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Json(new { ok = true });
        });
    }

    public static object? Me(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true }
            ? new { name = user.Identity.Name, role = user.FindFirst(ClaimTypes.Role)?.Value }
            : null;

    private static readonly Lazy<string> DummyHash = new(() => PasswordHashing.Hash("not-a-password-" + Guid.NewGuid().ToString("N")));
}
