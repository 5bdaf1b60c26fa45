using System.Security.Claims;
using Marsad.Web.Features.Auth;

namespace Marsad.Web.Features.Config;

/// <summary>What the UI needs to know about this server: tiles, sign-in policy, current user.</summary>
internal static class ConfigEndpoints
{
    public static void MapConfigEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/config", (WebOptions o, ClaimsPrincipal user) => Results.Json(new
        {
            tileUrl = SecurityHeadersTileUrl(o.TileUrl),
            tileAttribution = o.TileAttribution,
            readRequiresSignIn = o.ReadRequiresSignIn,
            user = AuthEndpoints.Me(user),
        }));

    private static string? SecurityHeadersTileUrl(string? url) =>
        Infrastructure.SecurityHeaders.TileOrigin(url) is null ? null : url;
}
