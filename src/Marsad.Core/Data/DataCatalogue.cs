using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marsad.Data;

/// <summary>
/// One language-data file (gazetteer, catalogue, lexicon, model) as its folder's <c>catalogue.json</c> lists it:
/// path relative to <c>data/</c>, version, SHA-256, what it is, where it comes from and under which license.
/// </summary>
public sealed record DataFileEntry(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("source")] string? Source = null,
    [property: JsonPropertyName("license")] string? License = null,
    [property: JsonPropertyName("attribution")] string? Attribution = null);

/// <summary>A problem found when verifying the catalogue against the files.</summary>
public sealed record DataProblem(string Path, string Problem);

/// <summary>
/// The data catalogue: every <c>data/*/catalogue.json</c> (one per area: lexicons, places, actors, events,
/// models), each a JSON array of <see cref="DataFileEntry"/>. Reading it does no hashing; <see cref="Verify"/> does.
/// </summary>
public sealed class DataCatalogue
{
    private static readonly JsonSerializerOptions JsonOptions = new() { ReadCommentHandling = JsonCommentHandling.Skip, WriteIndented = true };

    private DataCatalogue(string root, IReadOnlyList<DataFileEntry> entries)
    {
        Root = root;
        Entries = entries;
    }

    public string Root { get; }

    public IReadOnlyList<DataFileEntry> Entries { get; }

    public static DataCatalogue Load(string dataRoot)
    {
        var entries = new List<DataFileEntry>();
        if (Directory.Exists(dataRoot))
        {
            foreach (var file in Directory.EnumerateFiles(dataRoot, "catalogue.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                using var s = File.OpenRead(file);
                var list = JsonSerializer.Deserialize<List<DataFileEntry>>(s, JsonOptions)
                    ?? throw new InvalidDataException($"{file}: not a JSON array of data entries");
                entries.AddRange(list);
            }
        }

        return new DataCatalogue(dataRoot, entries);
    }

    public string FullPath(DataFileEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return System.IO.Path.Combine(Root, entry.Path);
    }

    /// <summary>Checks that each listed file exists and has its listed hash.</summary>
    public IReadOnlyList<DataProblem> Verify()
    {
        var problems = new List<DataProblem>();
        foreach (var e in Entries)
        {
            var full = FullPath(e);
            if (!File.Exists(full))
            {
                problems.Add(new DataProblem(e.Path, "missing"));
                continue;
            }

            var actual = HashFile(full);
            if (!string.Equals(actual, e.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new DataProblem(e.Path, $"sha256 is {actual}, catalogue says {e.Sha256}"));
            }
        }

        return problems;
    }

    public static string HashFile(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }

    /// <summary>Writes an area's catalogue.json, re-hashing each listed file (used by data build commands).</summary>
    public static void WriteAreaCatalogue(string dataRoot, string area, IEnumerable<DataFileEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rehashed = entries.Select(e => e with { Sha256 = HashFile(System.IO.Path.Combine(dataRoot, e.Path)) }).ToList();
        var path = System.IO.Path.Combine(dataRoot, area, "catalogue.json");
        File.WriteAllText(path, JsonSerializer.Serialize(rehashed, JsonOptions) + "\n");
    }
}
