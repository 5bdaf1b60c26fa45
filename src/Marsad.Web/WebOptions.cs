namespace Marsad.Web;

/// <summary>Settings of <c>marsad serve</c>.</summary>
public sealed record WebOptions
{
    /// <summary>The store's database (SQLite file path or a connection string the store accepts).</summary>
    public string Database { get; init; } = ".marsad/marsad.db";

    /// <summary>Addresses to listen on, e.g. <c>http://127.0.0.1:5080</c> (port 0 picks a free port).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>
    /// An optional XYZ tile server URL template (<c>https://tile.example.org/{z}/{x}/{y}.png</c>) for users who are
    /// online; without it the map draws the offline basemap shipped with Marsad.
    /// </summary>
    public string? TileUrl { get; init; }

    /// <summary>Attribution text shown for the tile server.</summary>
    public string? TileAttribution { get; init; }

    /// <summary>When true, reading (events, articles, exports) requires a signed-in user too.</summary>
    public bool ReadRequiresSignIn { get; init; }

    /// <summary>Largest accepted upload, in bytes.</summary>
    public long MaxUploadBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Send HSTS and mark cookies Secure (set when served behind HTTPS).</summary>
    public bool Https { get; init; }

    /// <summary>True for an http(s) tile URL template.</summary>
    public static bool IsValidTileUrl(string url) => Infrastructure.SecurityHeaders.TileOrigin(url) is not null;
}
