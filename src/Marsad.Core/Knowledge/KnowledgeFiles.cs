namespace Marsad.Knowledge;

/// <summary>Checks for the catalogue files extraction cannot do without.</summary>
internal static class KnowledgeFiles
{
    /// <summary>
    /// Throws when a core catalogue file is missing: a wrong data folder must fail loudly, not yield a
    /// knowledge base with no actors or places.
    /// </summary>
    public static void Require(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Knowledge file missing: {path} (is the data folder, MARSAD_DATA, right?)", path);
        }
    }
}
