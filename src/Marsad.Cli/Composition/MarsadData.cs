namespace Marsad.Cli.Composition;

/// <summary>
/// Where the language data (gazetteers, catalogues, lexicons, models) lives: <c>MARSAD_DATA</c> if set,
/// else the <c>data/</c> folder copied beside the program at build time.
/// </summary>
public sealed record MarsadData(string Root)
{
    public static MarsadData Locate()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            return new MarsadData(env);
        }

        return new MarsadData(Path.Combine(AppContext.BaseDirectory, "data"));
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);
}
