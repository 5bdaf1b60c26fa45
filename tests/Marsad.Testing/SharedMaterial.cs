using Xunit;

namespace Marsad.Testing;

/// <summary>
/// Locates the project's third-party evaluation material (<c>../shared</c> beside the repository, or
/// <c>MARSAD_SHARED</c>). It is never copied into the repository; tests that need it skip when it is absent.
/// </summary>
public static class SharedMaterial
{
    private static readonly Lazy<string?> RootLazy = new(Find);

    /// <summary>The shared folder, or null when it is not present.</summary>
    public static string? Root => RootLazy.Value;

    public const string SkipReason = "../shared (seeds, GeoNames, ANERcorp) is not beside the repository and MARSAD_SHARED is unset: skipped.";

    public static string PathOf(string relative) =>
        Path.Combine(Root ?? throw new InvalidOperationException(SkipReason), relative);

    /// <summary>The repository root (the folder holding Marsad.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(env) ? env : null;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(Path.Combine(candidate, "seeds")) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Marsad.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs ../shared; skipped with a clear message when it is absent.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedMaterial.Root is null)
        {
            Skip = SharedMaterial.SkipReason;
        }
    }
}

/// <summary>A theory that needs ../shared; skipped with a clear message when it is absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedMaterial.Root is null)
        {
            Skip = SharedMaterial.SkipReason;
        }
    }
}
