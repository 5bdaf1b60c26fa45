using System.Data.Common;
using Marsad.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marsad.Tests.Store;

/// <summary>The store suite against SQLite: a fresh database file per test (and per extra database a test asks for).</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-store-tests", Guid.NewGuid().ToString("N"));

    protected override Task<string> CreateDatabaseAsync()
    {
        Directory.CreateDirectory(_dir);
        return Task.FromResult(Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db"));
    }

    protected override Task DropDatabaseAsync()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: the temp folder is cleaned by the OS.
        }

        return Task.CompletedTask;
    }

    protected override DbConnection OpenConnection(string database) => new SqliteConnection($"Data Source={database}");

    protected override string Version6FullTextSql => "INSERT INTO documents_fts (rowid, body) VALUES (@seq, @body)";
}

/// <summary>The same suite against PostgreSQL: a fresh schema per test (search_path), skipped when no server is reachable.</summary>
[PostgresBackend]
public sealed class PostgresStoreTests : StoreContractTests
{
    private readonly List<string> _schemas = [];

    protected override async Task<string> CreateDatabaseAsync()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N");
        var cs = PostgresTestServer.ConnectionString!;
        await using (var c = new NpgsqlConnection(cs))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", c); // generated identifier, no user value
            await cmd.ExecuteNonQueryAsync();
        }

        _schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(cs) { SearchPath = schema }.ToString();
    }

    protected override async Task DropDatabaseAsync()
    {
        await using var c = new NpgsqlConnection(PostgresTestServer.ConnectionString!);
        await c.OpenAsync();
        foreach (var schema in _schemas)
        {
            await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", c);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    protected override DbConnection OpenConnection(string database) => new NpgsqlConnection(database);

    protected override string Version6FullTextSql => "UPDATE documents SET tsv = to_tsvector('arabic', @body) WHERE seq = @seq";
}
