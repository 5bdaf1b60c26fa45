namespace Marsad.Inputs;

/// <summary>The real path of a file or folder: absolute, with every symbolic link on the way resolved (like realpath(3)).</summary>
internal static class RealPath
{
    /// <summary>Links followed at most while resolving one path (as the kernel's limit, it stops a link cycle).</summary>
    private const int MaxLinks = 40;

    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var links = 0;
        while (true)
        {
            var resolved = ResolveOnce(full, ref links);
            if (resolved == full || links > MaxLinks)
            {
                return resolved;
            }

            full = resolved;
        }
    }

    /// <summary>Walks the components from the root; the first that is a link is replaced by its target.</summary>
    private static string ResolveOnce(string full, ref int links)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Join(current, parts[i]);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is { } target)
            {
                links++;
                var targetFull = Path.GetFullPath(target, Path.GetDirectoryName(current) ?? root);
                var rest = parts.Length > i + 1 ? string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..]) : string.Empty;
                return rest.Length > 0 ? Path.Join(targetFull, rest) : targetFull;
            }
        }

        return current.Length > 0 ? current : full;
    }
}
