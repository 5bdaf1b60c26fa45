using System.Reflection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Marsad.Web.Infrastructure;

/// <summary>
/// Serves the UI files embedded in this assembly (logical names <c>wwwroot/...</c>, set by the project file),
/// so every host (CLI, tests, benchmarks) serves the same files without a content root on disk.
/// </summary>
internal sealed class EmbeddedAssets : IFileProvider
{
    private const string Prefix = "wwwroot/";
    private readonly Assembly _assembly;
    private readonly HashSet<string> _names;
    private readonly DateTimeOffset _modified;

    public EmbeddedAssets(Assembly assembly, DateTimeOffset modified)
    {
        _assembly = assembly;
        _names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        _modified = modified;
    }

    public static EmbeddedAssets ForThisAssembly(TimeProvider clock) =>
        new(typeof(EmbeddedAssets).Assembly, clock.GetUtcNow());

    public bool Exists(string path) => _names.Contains(Prefix + path.TrimStart('/'));

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = Prefix + subpath.TrimStart('/');
        if (!_names.Contains(name))
        {
            return new NotFoundFileInfo(subpath);
        }

        using var s = _assembly.GetManifestResourceStream(name)!;
        return new Entry(_assembly, name, Path.GetFileName(name), s.Length, _modified);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    public string ReadText(string path)
    {
        using var s = _assembly.GetManifestResourceStream(Prefix + path) ?? throw new FileNotFoundException(path);
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    private sealed class Entry(Assembly assembly, string resource, string name, long length, DateTimeOffset modified) : IFileInfo
    {
        public bool Exists => true;

        public long Length => length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => modified;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => assembly.GetManifestResourceStream(resource)!;
    }
}
