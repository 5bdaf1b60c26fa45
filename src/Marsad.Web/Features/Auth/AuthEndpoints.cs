using System.Security.Claims;
using Marsad.Store;
using Marsad.Web.Infrastructure;
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
                return ApiErrors.Error(StatusCodes.Status400BadRequest, ApiErrorCode.CredentialsRequired, "User name and password are required.");
            }

            var u = await store.GetUserAsync(name, ctx.RequestAborted).ConfigureAwait(false);
            // Verify even for an unknown user, so timing does not tell which names exist.
            var ok = PasswordHashing.Verify(req.Password, u?.PasswordHash ?? DummyHash.Value);
            if (u is null || !ok)
            {
                return ApiErrors.Error(StatusCodes.Status401Unauthorized, ApiErrorCode.BadLogin, "Wrong user name or password.");
            }

            if (u.Disabled)
            {
                return ApiErrors.Error(StatusCodes.Status403Forbidden, ApiErrorCode.AccountDisabled, "This account is disabled.");
            }

            await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SessionValidation.Principal(u)).ConfigureAwait(false);
            return Results.Json(new { name = u.Name, role = u.Role });
        }).RequireRateLimiting(AuthSetup.LoginRateLimit);

        api.MapPost("/auth/logout", async (HttpContext ctx, IMarsadStore store) =>
        {
            // Signing out ends every session of this user (other browsers too), not just this cookie.
            if (ctx.User.UserName() is { } name)
            {
                await store.RevokeSessionsAsync(name, ctx.RequestAborted).ConfigureAwait(false);
            }

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
