using System.Globalization;
using System.Security.Claims;
using Marsad.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Marsad.Web.Features.Auth;

/// <summary>Why a session cookie is no longer honoured.</summary>
internal enum SessionRejection
{
    None,
    Expired,
    UnknownUser,
    Disabled,
    Revoked,
}

/// <summary>
/// Every request's session is checked against the user's row: a password change, a sign-out anywhere or
/// <c>marsad user disable</c> bumps the user's session generation and so revokes every cookie issued before; a
/// session also ends <see cref="AuthSetup.SessionLifetime"/> after sign-in whatever the cookie's own expiry says.
/// </summary>
internal static class SessionValidation
{
    public const string GenerationClaim = "marsad:gen";

    public static ClaimsPrincipal Principal(StoreUser user) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(GenerationClaim, user.SessionGeneration.ToString(CultureInfo.InvariantCulture)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>Whether a session issued at <paramref name="issued"/> for <paramref name="generation"/> still holds for <paramref name="user"/>.</summary>
    public static SessionRejection Check(StoreUser? user, string? generation, DateTimeOffset? issued, DateTimeOffset now)
    {
        if (issued is not { } at || now - at > AuthSetup.SessionLifetime || now < at - TimeSpan.FromMinutes(5))
        {
            return SessionRejection.Expired;
        }

        if (user is null)
        {
            return SessionRejection.UnknownUser;
        }

        if (user.Disabled)
        {
            return SessionRejection.Disabled;
        }

        return long.TryParse(generation, NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g == user.SessionGeneration
            ? SessionRejection.None
            : SessionRejection.Revoked;
    }

    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        var name = ctx.Principal?.Identity?.Name;
        var store = ctx.HttpContext.RequestServices.GetRequiredService<IMarsadStore>();
        var time = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var user = name is null ? null : await store.GetUserAsync(name, ctx.HttpContext.RequestAborted).ConfigureAwait(false);
        var verdict = Check(user, ctx.Principal?.FindFirst(GenerationClaim)?.Value, ctx.Properties.IssuedUtc, time.GetUtcNow());
        if (verdict != SessionRejection.None)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
        else if (user!.Role != ctx.Principal!.FindFirst(ClaimTypes.Role)?.Value)
        {
            // A role changed in the store takes effect at once.
            ctx.ReplacePrincipal(Principal(user));
        }
    }
}
