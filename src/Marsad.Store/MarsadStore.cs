namespace Marsad.Store;

/// <summary>Opens the store a <c>--db</c> value names: a PostgreSQL connection string, or a SQLite file path.</summary>
public static class MarsadStore
{
    /// <summary>The environment variable that overrides the default database.</summary>
    public const string EnvironmentVariable = "MARSAD_DB";

    /// <summary>
    /// The default SQLite database: <c>$XDG_DATA_HOME/marsad/marsad.db</c>, else <c>~/.local/share/marsad/marsad.db</c>.
    /// </summary>
    public static string DefaultSqlitePath()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var baseDir = !string.IsNullOrEmpty(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(baseDir, "marsad", "marsad.db");
    }

    /// <summary>The database to use: <paramref name="db"/> if given, else <c>MARSAD_DB</c>, else the default path.</summary>
    public static string Resolve(string? db) =>
        !string.IsNullOrWhiteSpace(db) ? db
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
        : DefaultSqlitePath();

    /// <summary>True when <paramref name="db"/> looks like a PostgreSQL connection string or URI.</summary>
    public static bool IsPostgres(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || (db.Contains('=', StringComparison.Ordinal) && db.Contains("host", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Creates the store object (no I/O yet; call <see cref="IMarsadStore.MigrateAsync"/>).</summary>
    public static IMarsadStore Open(string? db, TimeProvider? time = null)
    {
        var target = Resolve(db);
        time ??= TimeProvider.System;
        return IsPostgres(target) ? new PostgresStore(target, time) : new SqliteStore(target, time);
    }
}
