using System.Runtime.CompilerServices;
using Marsad.Events;
using Marsad.Web.Infrastructure;

namespace Marsad.Web.Features.Events;

/// <summary>The values the filter form offers (outlets, governorates, actors), computed once per snapshot.</summary>
internal static class Facets
{
    private static readonly ConditionalWeakTable<EventIndex.Snapshot, object> Cache = [];

    public static object For(EventIndex.Snapshot snap, EmbeddedAssets assets) =>
        Cache.GetValue(snap, s => Compute(s, assets));

    private static object Compute(EventIndex.Snapshot snap, EmbeddedAssets assets)
    {
        var outlets = new SortedSet<string>(StringComparer.Ordinal);
        var actors = new Dictionary<string, string>(StringComparer.Ordinal);
        var admin1 = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var x in snap.Events)
        {
            var e = x.Event;
            if (e.Outlet is { } o) outlets.Add(o);
            if (e.Admin1 is { } a) admin1.Add(a);
            if (e.Actor1Name is { } n1) actors.TryAdd(n1, e.Actor1Id ?? n1);
            if (e.Actor2Name is { } n2) actors.TryAdd(n2, e.Actor2Id ?? n2);
        }

        var govs = Governorates.Load(assets);
        foreach (var g in govs)
        {
            admin1.Add(g.Name);
        }

        return new
        {
            eventTypes = AcledTaxonomy.SubTypes.Keys.Order(StringComparer.Ordinal).ToList(),
            outlets = outlets.ToList(),
            admin1 = admin1.Select(a => new { name = a, nameAr = govs.FirstOrDefault(g => g.Name == a)?.NameAr }).ToList(),
            actors = actors.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new { id = kv.Value, name = kv.Key }).ToList(),
        };
    }
}
