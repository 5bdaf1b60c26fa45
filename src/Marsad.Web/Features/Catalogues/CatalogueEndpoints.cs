using System.Globalization;

namespace Marsad.Web.Features.Catalogues;

/// <summary>The actor catalogue (names in both languages, for lists and the actor picker) and the place picker.</summary>
internal static class CatalogueEndpoints
{
    public const int MaxPlaces = 50;

    public static void MapCatalogueEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/catalogue/actors", (WebCatalogues c) => Results.Json(new { items = c.ActorList }));

        api.MapGet("/catalogue/places", (HttpRequest req, WebCatalogues c) =>
        {
            var limit = int.TryParse(req.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, MaxPlaces) : 20;
            var q = req.Query["q"].ToString();
            return Results.Json(new { items = c.FindPlaces(q.Length > 100 ? q[..100] : q, limit) });
        });
    }
}
