using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Marsad.Store;

/// <summary>The store named by <c>--db</c> cannot be used (a folder, not a database, read-only, missing, unreachable).</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException(string database, string cause, Exception? inner = null)
        : base($"database '{database}' cannot be used: {cause}", inner)
    {
        Database = database;
        Cause = cause;
    }

    public StoreUnavailableException()
        : this("?", "unknown")
    {
    }

    public StoreUnavailableException(string message)
        : this("?", message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : this("?", message, innerException)
    {
    }

    public string Database { get; }

    public string Cause { get; }
}

/// <summary>Turns what a database driver throws into the one-line cause a user can act on.</summary>
public static class StoreErrors
{
    /// <summary>True when <paramref name="e"/> (or what it wraps) means the store cannot be used; <paramref name="cause"/> says why, on one line.</summary>
    public static bool TryDescribe(Exception e, out string cause)
    {
        ArgumentNullException.ThrowIfNull(e);
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case StoreUnavailableException s:
                    cause = s.Cause;
                    return true;
                case SqliteException s:
                    cause = Sqlite(s);
                    return true;
                case DbException d:
                    cause = OneLine(d.Message);
                    return true;
                default:
                    break;
            }
        }

        cause = string.Empty;
        return false;
    }

    /// <summary>SQLite's primary result codes (https://sqlite.org/rescode.html) that mean the file cannot serve as the store.</summary>
    private static string Sqlite(SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        8 => "the database is read-only (file permissions, an immutable file or a read-only disk)",
        14 => "the file cannot be opened (a folder, a missing folder on the way, or no permission)",
        26 => "the file is not a SQLite database",
        11 => "the database file is damaged (corrupt)",
        5 or 6 => "the database is locked by another process",
        13 => "the disk is full",
        10 => "an I/O error occurred reading or writing the database",
        _ => OneLine(e.Message),
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
