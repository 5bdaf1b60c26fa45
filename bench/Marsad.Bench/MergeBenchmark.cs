using System.Diagnostics;
using System.Globalization;
using Marsad.Store;
using Microsoft.Data.Sqlite;

namespace Marsad.Bench;

/// <summary>
/// Merge recomputation over synthetic multi-outlet incidents (timed by hand, whole-dataset):
/// <code>
/// dotnet run -c Release --project bench/Marsad.Bench -- merge-bench --db PATH [--events 1000000] [--runs 3] [--generate-only]
/// </code>
/// With no database at PATH it first writes one (SQLite, current schema): --events events, each its own report,
/// about a third as many incidents told by 1–3 outlets (places jittered by ~1 km, dates by a day, some sub-types told
/// as a compatible one, some actors and figures unknown, a tenth at governorate level, 2 % republications), with
/// placeholder texts and signatures. Then it times <see cref="IIngestStore.RecomputeMergesAsync"/> --runs times (wall
/// and process CPU, median). The rows use only columns every schema since version 3 has, so one generated file,
/// copied, measures two builds side by side.
/// </summary>
internal static class MergeBenchmark
{
    internal static int RunFromCommandLine(string[] args) => Task.Run(() => Run(args)).GetAwaiter().GetResult();

    private static async Task<int> Run(string[] args)
    {
        string Arg(string name, string def)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : def;
        }

        var db = Arg("--db", Path.Combine(Path.GetTempPath(), "marsad-bench", "merge.db"));
        var events = int.Parse(Arg("--events", "1000000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Arg("--runs", "3"), CultureInfo.InvariantCulture);
        var generate = !File.Exists(db);
        await using var store = MarsadStore.Open(db);
        var migrate = Stopwatch.StartNew();
        var version = await store.MigrateAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"merge-bench: sqlite {db}, schema v{version} (migrate {migrate.Elapsed.TotalSeconds:F1} s)"));
        if (generate)
        {
            var sw = Stopwatch.StartNew();
            await GenerateAsync(db, events);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  generated {events} events in {sw.Elapsed.TotalSeconds:F1} s"));
        }

        if (args.Contains("--generate-only"))
        {
            return 0;
        }

        var walls = new List<double>();
        var cpus = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            var c0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var summary = await store.RecomputeMergesAsync();
            walls.Add(sw.Elapsed.TotalSeconds);
            cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - c0).TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {r + 1}: {walls[^1]:F1} s wall, {cpus[^1]:F1} s CPU; {summary.MergedEvents} merged events of {summary.EventsInMerges} events; load average {LoadAverage()}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MERGE recompute: median {Median(walls):F1} s wall, {Median(cpus):F1} s CPU over {runs} runs"));
        return 0;
    }

    private static async Task GenerateAsync(string db, int n)
    {
        await using var c = new SqliteConnection($"Data Source={db}");
        await c.OpenAsync();
        // Row i: incident k = i / 3 (reports r = i % 3 of it); an incident's place, day, sub-type, actors and toll
        // come from fixed arithmetic on k, each report's own variations from r.
        const string EmptyJson = "'{}'";
        const string Series = "(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < @n) SELECT i, i / 3 AS k, i % 3 AS r FROM s)";
        const string Day = "date('2018-01-01', '+' || (((k * 13) % 2190) + (CASE WHEN r = 2 AND k % 3 = 0 THEN 1 ELSE 0 END)) || ' days')";
        const string Sub = """
            CASE WHEN r = 1 AND k % 4 = 0 THEN (CASE k % 3 WHEN 0 THEN 'Attack' WHEN 1 THEN 'Shelling/artillery/missile attack' ELSE 'Remote explosive/landmine/IED' END)
                 ELSE (CASE k % 6 WHEN 0 THEN 'Air/drone strike' WHEN 1 THEN 'Shelling/artillery/missile attack' WHEN 2 THEN 'Suicide bomb'
                                  WHEN 3 THEN 'Armed clash' WHEN 4 THEN 'Peaceful protest' ELSE 'Arrests' END) END
            """;
        string[] statements =
        [
            $"""
            INSERT INTO documents (id, content_hash, text, path, url, outlet, title, published, warnings, ingested_at, updated_at, event_count, duplicate_of)
            SELECT 'mdoc-' || i, 'h' || i, 'text ' || i, 'bench/' || i, NULL, 'Outlet-' || ((k + r * 7) % 25), NULL, {Day}, '[]', '2024-01-01', '2024-01-01', 1,
                   CASE WHEN i % 50 = 2 THEN 'mdoc-' || (i - 1) END
            FROM {Series}
            """,
            "INSERT INTO doc_signatures (seq, document_id, duplicate_of, signature) SELECT seq, id, duplicate_of, randomblob(256) FROM documents WHERE id LIKE 'mdoc-%'",
            $"""
            INSERT INTO events (id, document_id, ordinal, version, status, event_type, sub_event_type, event_date, time_precision,
              actor1_id, actor1_name, actor1_inter, actor2_id, actor2_name, actor2_inter, place_id, place_name, admin1, admin2, latitude, longitude,
              geo_precision, fatalities, attribution_kind, outlet, published, confidence, merged_id, json, machine_json)
            SELECT 'mdoc-' || i || '-0', 'mdoc-' || i, 0, 0, 'Unreviewed', t, sub, {Day}, 1 + ((k + r) % 2),
              CASE WHEN i % 5 = 0 THEN NULL ELSE 'actor:' || ((k * 7) % 40) END, 'Actor ' || ((k * 7) % 40), 1 + (k % 8),
              CASE WHEN i % 3 = 0 THEN NULL ELSE 'actor:' || ((k * 11) % 40) END, 'Actor ' || ((k * 11) % 40), 1 + ((k / 8) % 8),
              CASE WHEN i % 10 = 0 THEN NULL ELSE 'place:' || ((k * 17) % 3000) END, 'Place ' || ((k * 17) % 3000), 'Admin1-' || ((k * 17) % 3000 % 14), 'Admin2-' || ((k * 17) % 3000 % 60),
              32.0 + ((k * 17) % 3000) / 1000.0 + r * 0.01, 36.0 + ((k * 29) % 3000) / 1000.0, CASE WHEN i % 10 = 0 THEN 3 ELSE 1 END,
              CASE WHEN i % 4 = 0 THEN NULL ELSE (k * 3) % 20 + r END, 'outlet', 'Outlet-' || ((k + r * 7) % 25), {Day}, 0.5 + r * 0.1, NULL, {EmptyJson}, {EmptyJson}
            FROM (SELECT i, k, r, {Sub} AS sub FROM {Series}) x
            JOIN (SELECT 'Air/drone strike' AS s, 'Explosions/Remote violence' AS t UNION ALL SELECT 'Shelling/artillery/missile attack', 'Explosions/Remote violence'
                  UNION ALL SELECT 'Suicide bomb', 'Explosions/Remote violence' UNION ALL SELECT 'Remote explosive/landmine/IED', 'Explosions/Remote violence'
                  UNION ALL SELECT 'Armed clash', 'Battles' UNION ALL SELECT 'Attack', 'Violence against civilians' UNION ALL SELECT 'Peaceful protest', 'Protests'
                  UNION ALL SELECT 'Arrests', 'Strategic developments') types ON types.s = x.sub
            """,
            "ANALYZE",
        ];
        foreach (var sql in statements)
        {
            await using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 0;
            cmd.Parameters.AddWithValue("@n", n);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private static double Median(List<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
