namespace Marsad.Knowledge.Places;

/// <summary>
/// A compass heading a text gives for a place relative to another (ريف دير الزور الغربي، شرقي حمص، الشمالي
/// الشرقي): a unit vector, east and north. Read from the cue lexicon's <c>compass_*</c> categories.
/// </summary>
public readonly record struct Compass(double East, double North)
{
    /// <summary>The cue categories of the four headings, with their vectors.</summary>
    public static readonly IReadOnlyList<(string Category, double East, double North)> Headings =
    [
        ("compass_north", 0, 1),
        ("compass_south", 0, -1),
        ("compass_east", 1, 0),
        ("compass_west", -1, 0),
    ];

    /// <summary>
    /// The least cosine between the heading and the bearing from the reference to a candidate: about 105°
    /// either side. A countryside called western spreads north-west and south-west of its town; only a place
    /// plainly on the other side is ruled out.
    /// </summary>
    public const double MinCosine = -0.25;

    /// <summary>Closer than this to the reference a place lies on every side of it.</summary>
    public const double NearKm = 5;

    /// <summary>The heading of one word, or null (no compass word).</summary>
    public static Compass? Of(CueLexicon cues, string norm)
    {
        ArgumentNullException.ThrowIfNull(cues);
        ArgumentNullException.ThrowIfNull(norm);
        foreach (var (category, east, north) in Headings)
        {
            if (cues.HasWord(category, norm))
            {
                return new Compass(east, north);
            }
        }

        return null;
    }

    /// <summary>Two headings in a row (الشمالي الشرقي): the direction between them.</summary>
    public Compass Then(Compass other)
    {
        var e = East + other.East;
        var n = North + other.North;
        var len = Math.Sqrt(e * e + n * n);
        return len < 1e-9 ? this : new Compass(e / len, n / len);
    }

    /// <summary>Whether <paramref name="place"/> can lie on this side of <paramref name="reference"/>.</summary>
    public bool Admits(Place reference, Place place)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(place);
        var km = reference.KmTo(place);
        if (km < NearKm)
        {
            return true;
        }

        const double kmPerDegree = 111.2;
        var dn = (place.Latitude - reference.Latitude) * kmPerDegree;
        var de = (place.Longitude - reference.Longitude) * kmPerDegree * Math.Cos(reference.Latitude * Math.PI / 180);
        var len = Math.Sqrt(de * de + dn * dn);
        return len < 1e-9 || (de * East + dn * North) / len >= MinCosine;
    }
}
