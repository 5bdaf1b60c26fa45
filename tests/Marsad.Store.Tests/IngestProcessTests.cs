using System.Diagnostics;
using Marsad.Tests.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marsad.Tests.Store;

/// <summary>
/// The real <c>marsad ingest</c> process: killed with SIGKILL mid-way it leaves a consistent database, and the
/// same ingest run again completes it without duplicates. Also two ingest processes on one PostgreSQL database.
/// </summary>
public sealed class IngestProcessTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "marsad-ingest-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    [Fact]
    public async Task Ingest_KilledMidway_ConsistentAndCompletedByRerun()
    {
        const int Count = 3000;
        const int Batch = 50;
        var corpus = Path.Combine(_dir, "corpus");
        CorpusGenerator.WriteFiles(corpus, Count);
        var db = Path.Combine(_dir, "marsad.db");

        using (var p = StartIngest(db, corpus, Batch))
        {
            // Wait until some batches are committed, then SIGKILL (Process.Kill sends SIGKILL on Linux).
            var sw = Stopwatch.StartNew();
            while (CountDocuments(db) < 3 * Batch && !p.HasExited && sw.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(10);
            }

            p.HasExited.ShouldBeFalse("the ingest finished before it could be killed; make the corpus larger");
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }

        var afterKill = CountDocuments(db);
        afterKill.ShouldBeGreaterThan(0);
        afterKill.ShouldBeLessThan(Count);
        using (var c = Open(db))
        {
            Scalar<string>(c, "PRAGMA integrity_check").ShouldBe("ok");
            // Each batch is one transaction: only whole batches are there, with their bands and index rows.
            (afterKill % Batch).ShouldBe(0);
            Scalar<long>(c, "SELECT COUNT(*) FROM lsh_bands").ShouldBe(afterKill * 16);
            Scalar<long>(c, "SELECT COUNT(*) FROM documents_fts").ShouldBe(afterKill);
        }

        SqliteConnection.ClearAllPools();
        using (var p = StartIngest(db, corpus, Batch))
        {
            var output = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            p.ExitCode.ShouldBe(0, output + await p.StandardError.ReadToEndAsync());
        }

        using (var c = Open(db))
        {
            Scalar<long>(c, "SELECT COUNT(*) FROM documents").ShouldBe(Count);
            Scalar<long>(c, "SELECT COUNT(DISTINCT id) FROM documents").ShouldBe(Count);
            Scalar<long>(c, "SELECT COUNT(*) FROM documents_fts").ShouldBe(Count);
            Scalar<string>(c, "PRAGMA integrity_check").ShouldBe("ok");
        }
    }

    [PostgresFact]
    public async Task Ingest_TwoProcessesOnPostgres_NoDuplicatesNothingLost()
    {
        const int Count = 600;
        var corpus = Path.Combine(_dir, "corpus");
        CorpusGenerator.WriteFiles(corpus, Count);
        var schema = "p_" + Guid.NewGuid().ToString("N");
        await using (var c = new NpgsqlConnection(PostgresTestServer.ConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", c);
            await cmd.ExecuteNonQueryAsync();
        }

        var db = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { SearchPath = schema }.ToString();
        try
        {
            // Both read the same corpus; batches of different sizes so they overlap in every way.
            using var a = StartIngest(db, corpus, 20);
            using var b = StartIngest(db, corpus, 33);
            var outA = a.StandardOutput.ReadToEndAsync();
            var outB = b.StandardOutput.ReadToEndAsync();
            await Task.WhenAll(a.WaitForExitAsync(), b.WaitForExitAsync());
            a.ExitCode.ShouldBe(0, await outA + await a.StandardError.ReadToEndAsync());
            b.ExitCode.ShouldBe(0, await outB + await b.StandardError.ReadToEndAsync());

            await using var c = new NpgsqlConnection(db);
            await c.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT COUNT(*), COUNT(DISTINCT id), COUNT(tsv) FROM documents", c);
            await using var r = await count.ExecuteReaderAsync();
            (await r.ReadAsync()).ShouldBeTrue();
            r.GetInt64(0).ShouldBe(Count);
            r.GetInt64(1).ShouldBe(Count);
            r.GetInt64(2).ShouldBe(Count);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(PostgresTestServer.ConnectionString);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", c);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Cli_IngestTwiceThenQuery_IdempotentSearchEventsExport()
    {
        var corpus = Path.Combine(_dir, "in");
        Directory.CreateDirectory(corpus);
        await File.WriteAllTextAsync(Path.Combine(corpus, "a.txt"), Fixtures.ShellingA);
        await File.WriteAllTextAsync(Path.Combine(corpus, "b.txt"), Fixtures.ShellingB);
        await File.WriteAllTextAsync(Path.Combine(corpus, "empty.txt"), "  ");
        var db = Path.Combine(_dir, "cli.db");

        var first = await RunAsync("ingest", "--db", db, "--outlet", "OutletA", corpus);
        first.Code.ShouldBe(1); // one input rejected
        first.Err.ShouldContain("empty.txt");
        var second = await RunAsync("ingest", "--db", db, "--outlet", "OutletA", corpus);
        second.Out.ShouldContain("unchang");

        var search = await RunAsync("search", "--db", db, "--format", "jsonl", "القصف");
        search.Code.ShouldBe(0, search.Err);
        var hits = search.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        hits.Length.ShouldBe(2);
        hits.ShouldAllBe(h => h.Contains("\"highlights\"", StringComparison.Ordinal));

        var events = await RunAsync("events", "--db", db, "--format", "jsonl", "--type", "Battles", "--from", "2020-01-01");
        events.Code.ShouldBe(0, events.Err);
        var export = await RunAsync("export", "--db", db, "--format", "acled-csv");
        export.Code.ShouldBe(0, export.Err);
        export.Out.ShouldStartWith("event_id_cnty,event_date");
        var bad = await RunAsync("events", "--db", db, "--from", "12/03/2024");
        bad.Code.ShouldBe(2); // bad usage
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(MarsadDll());
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("MARSAD_DB");
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start marsad");
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await o, await e);
    }

    private static Process StartIngest(string db, string corpus, int batch)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { MarsadDll(), "ingest", "--db", db, "--batch-size", batch.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-merge", "--outlet", "TestOutlet", corpus })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("MARSAD_DB");
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start marsad");
    }

    /// <summary>The CLI built beside this test assembly's configuration (the project reference builds it).</summary>
    private static string MarsadDll()
    {
        var testDir = AppContext.BaseDirectory;
        var config = testDir.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(Marsad.Testing.SharedMaterial.RepositoryRoot, "src", "Marsad.Cli", "bin", config, "net10.0", "marsad.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} not built");
        return dll;
    }

    private static SqliteConnection Open(string db)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    private static long CountDocuments(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var c = Open(db);
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM documents";
            return (long)cmd.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            // The schema is not created yet.
            return 0;
        }
    }

    private static T Scalar<T>(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
