using System.Diagnostics;
using System.Text;
using Marsad.Cli;
using Marsad.Store;

namespace Marsad.Tests;

/// <summary>Issue 14, failures 5 (ingest keeps good lines) and 7: a store that cannot be used is one stderr line and exit 3.</summary>
public sealed class StoreErrorTests : IDisposable
{
    private const string Report = "قال مصدر محلي إن اشتباكاً وقع أمس قرب مدينة الميادين.\nوأصيب شخصان.";

    private readonly string _dir = Directory.CreateTempSubdirectory("marsad-store-errors-").FullName;

    public void Dispose()
    {
        Chattr("-i", Path.Combine(_dir, "ro.db"));
        Directory.Delete(_dir, recursive: true);
    }

    private string Report1 => Write("r.txt", Report);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static void ShouldBeOneStoreLine(CliRun run, string database)
    {
        run.Exit.ShouldBe(MarsadCommandLine.ExitStore, run.Stderr);
        var line = run.StderrLines.ShouldHaveSingleItem();
        line.ShouldContain($"database '{database}' cannot be used: ");
        line.ShouldNotContain("   at ");
    }

    [Fact]
    public void Ingest_DbIsFolder_ExitThreeOneLine()
    {
        // Before: a stack trace and exit 1.
        ShouldBeOneStoreLine(CliRun.Of("ingest", "--db", _dir, Report1), _dir);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("search")]
    [InlineData("events")]
    public void Command_DbNotADatabase_ExitThreeNamesCause(string command)
    {
        var db = Write("notes.db", new string('x', 5000));
        var run = command == "ingest" ? CliRun.Of("ingest", "--db", db, Report1) : command == "search" ? CliRun.Of("search", "--db", db, "اشتباك") : CliRun.Of("events", "--db", db);
        ShouldBeOneStoreLine(run, db);
        run.Stderr.ShouldContain("not a SQLite database");
    }

    [Theory]
    [InlineData("search", "اشتباك")]
    [InlineData("events")]
    [InlineData("export")]
    public void ReadCommand_MissingDb_RefusedNotCreated(string command, params string[] rest)
    {
        // Before: a mistyped --db silently created an empty database and answered "0 of 0".
        var db = Path.Combine(_dir, "typo.db");
        var run = CliRun.Of([command, "--db", db, .. rest]);
        ShouldBeOneStoreLine(run, db);
        run.Stderr.ShouldContain("no such database");
        File.Exists(db).ShouldBeFalse();
    }

    [Fact]
    public void Ingest_MissingDb_Created()
    {
        // Negative case: ingest is the command that creates a database.
        var db = Path.Combine(_dir, "new.db");
        CliRun.Of("ingest", "--db", db, Report1).Exit.ShouldBe(0);
        File.Exists(db).ShouldBeTrue();
        CliRun.Of("events", "--db", db, "--format", "jsonl").Exit.ShouldBe(0);
    }

    [Fact]
    public void Ingest_ReadOnlyDb_ExitThree()
    {
        var db = Path.Combine(_dir, "ro.db");
        CliRun.Of("ingest", "--db", db, Report1).Exit.ShouldBe(0);
        File.Delete(db + "-wal");
        File.Delete(db + "-shm");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        // Root ignores permission bits: make the file immutable too where chattr can.
        Chattr("+i", db);
        if (!IsReadOnly(db))
        {
            // Neither works on this machine: the cause SQLite would give is still classified.
            StoreErrors.TryDescribe(new Microsoft.Data.Sqlite.SqliteException("attempt to write a readonly database", 8), out var cause).ShouldBeTrue();
            cause.ShouldContain("read-only");
            return;
        }

        var run = CliRun.Of("ingest", "--db", db, Write("other.txt", Report + " ثانية"));
        ShouldBeOneStoreLine(run, db);
        run.Stderr.ShouldContain("read-only");
    }

    [Fact]
    public void Export_OutputIntoMissingFolder_OneLineExitTwo()
    {
        // Before: DirectoryNotFoundException's stack trace.
        var db = Path.Combine(_dir, "e.db");
        CliRun.Of("ingest", "--db", db, Report1).Exit.ShouldBe(0);
        var target = Path.Combine(_dir, "missing", "out.csv");
        var run = CliRun.Of("export", "--db", db, "--format", "acled-csv", "--output", target);
        run.Exit.ShouldBe(MarsadCommandLine.ExitUsage);
        run.StderrLines.ShouldHaveSingleItem().ShouldContain("does not exist");
    }

    [Fact]
    public async Task Ingest_JsonLinesWithLoneSurrogate_GoodLinesStoredExitOne()
    {
        // Before: the exception ended the run and the good line before it was lost with the batch.
        var jsonl = Write("r.jsonl", "{\"text\":\"" + Report.Replace("\n", " ") + "\"}\n{\"text\":\"مكسور \\ud83d\"}\n{\"text\":\"وقع انفجار في مدينة دوما مساء أمس.\"}\n");
        var db = Path.Combine(_dir, "s.db");
        var run = CliRun.Of("ingest", "--db", db, jsonl);
        run.Exit.ShouldBe(MarsadCommandLine.ExitRejected);
        run.StderrLines.ShouldHaveSingleItem().ShouldContain("r.jsonl:2");
        await using var store = MarsadStore.Open(db);
        await store.MigrateAsync();
        (await store.GetStatsAsync()).Documents.ShouldBe(2);
    }

    private static bool IsReadOnly(string path)
    {
        try
        {
            using var s = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static void Chattr(string flag, string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        try
        {
            using var p = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true, RedirectStandardOutput = true });
            p?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No chattr on this machine: the test falls back to the classification check.
        }
    }
}
