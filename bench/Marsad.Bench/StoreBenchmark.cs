using System.Collections.Immutable;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Marsad.Annotations;
using Marsad.Documents;
using Marsad.Events;
using Marsad.Pipeline;
using Marsad.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marsad.Bench;

/// <summary>
/// Store benchmarks (timed by hand: each figure is a whole-dataset measurement, not a micro-benchmark):
/// <code>
/// dotnet run -c Release --project bench/Marsad.Bench -- store-bench [--docs 100000] [--events 1000000] [--queries 200] [--db PATH|CONNSTRING] [--skip-ingest]
///     [--ingest-only] [--no-merge] [--from N]
/// </code>
/// <c>--ingest-only</c> stops after the ingest, <c>--no-merge</c> skips the merge recompute after it, and <c>--from N</c> adds
/// documents N, N+1, ... to an existing database instead of starting a fresh one (the marginal cost at that size).
/// 1. ingest: generated ~3 KB reports (own vocabulary) with entities and 1–2 events each, batches of 200, into a fresh database;
///    docs/s over wall time and over process CPU time, peak working set;
/// 2. event queries: bulk-generated events (SQL-side) up to --events rows, then typical filters, p50/p95;
/// 3. full-text search over the ingested articles, p50/p95.
/// Program.cs hands over to it when the first argument is <c>store-bench</c>.
/// </summary>
internal static class StoreBenchmark
{
    /// <summary>Entry from Program.cs for <c>store-bench ARGS</c>.</summary>
    internal static int RunFromCommandLine(string[] args) => Task.Run(() => Run(args)).GetAwaiter().GetResult();

    private static async Task<int> Run(string[] args)
    {
        string Arg(string name, string def)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : def;
        }

        var docs = int.Parse(Arg("--docs", "100000"), CultureInfo.InvariantCulture);
        var events = int.Parse(Arg("--events", "1000000"), CultureInfo.InvariantCulture);
        var queries = int.Parse(Arg("--queries", "200"), CultureInfo.InvariantCulture);
        var db = Arg("--db", Path.Combine(Path.GetTempPath(), "marsad-bench", "bench.db"));
        var skipIngest = args.Contains("--skip-ingest");
        var from = int.Parse(Arg("--from", "0"), CultureInfo.InvariantCulture);
        var postgres = MarsadStore.IsPostgres(db);
        var fresh = !skipIngest && from == 0;
        if (!postgres && fresh)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(db)!);
            foreach (var f in new[] { db, db + "-wal", db + "-shm" })
            {
                File.Delete(f);
            }
        }
        else if (postgres && fresh)
        {
            await ResetPostgresAsync(db);
        }

        Console.WriteLine($"store-bench: {(postgres ? "postgres" : "sqlite " + db)}, docs={docs}, events={events}, queries={queries}");
        await using var store = MarsadStore.Open(db);
        await store.MigrateAsync();
        if (!skipIngest)
        {
            await IngestAsync(store, docs, from, merge: !args.Contains("--no-merge"));
        }

        if (args.Contains("--ingest-only"))
        {
            return 0;
        }

        await BulkEventsAsync(db, postgres, events);
        await QueryAsync(store, queries);
        await SearchAsync(store, queries);
        return 0;
    }

    private static async Task IngestAsync(IMarsadStore store, int count, int from, bool merge)
    {
        var gen = new ReportGenerator(42);
        var proc = Process.GetCurrentProcess();
        var cpu0 = proc.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var bytes = 0L;
        var batch = new List<AnnotatedDocument>(200);
        var stored = 0;
        var peak = 0L;
        var genCpu = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var g0 = proc.TotalProcessorTime;
            var doc = gen.Next(from + i);
            genCpu += proc.TotalProcessorTime - g0;
            bytes += Encoding.UTF8.GetByteCount(doc.Text);
            batch.Add(doc);
            if (batch.Count == 200 || i == count - 1)
            {
                stored += (await store.IngestBatchAsync(batch)).Count(IngestOutcome.Stored);
                batch.Clear();
                if ((i + 1) % 10_000 < 200)
                {
                    proc.Refresh();
                    peak = Math.Max(peak, proc.WorkingSet64);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ingest {i + 1}: {(i + 1) / sw.Elapsed.TotalSeconds:F0} docs/s wall, working set {proc.WorkingSet64 / 1048576} MB, managed heap {GC.GetTotalMemory(false) / 1048576} MB, process CPU {(proc.TotalProcessorTime - cpu0).TotalSeconds:F1} s"));
                }
            }
        }

        sw.Stop();
        proc.Refresh();
        var cpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
        var storeCpu = cpu - genCpu.TotalSeconds;
        var mergeWatch = Stopwatch.StartNew();
        var merges = merge ? await store.RecomputeMergesAsync() : new MergeSummary(0, 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"INGEST {stored}/{count} docs, mean {bytes / (double)count / 1024:F1} KB: {count / sw.Elapsed.TotalSeconds:F0} docs/s wall ({sw.Elapsed.TotalSeconds:F1} s), {count / cpu:F0} docs/s per CPU-second ({cpu:F1} s CPU incl. generating and analysing the documents; the store alone {count / storeCpu:F0} docs/s per CPU-second), peak working set {Math.Max(peak, proc.WorkingSet64) / 1048576} MB; merge recompute {mergeWatch.Elapsed.TotalSeconds:F1} s ({merges.MergedEvents} merged events)"));
    }

    /// <summary>Tops the events table up to <paramref name="target"/> rows, generated in SQL (deterministic values from the row number).</summary>
    private static async Task BulkEventsAsync(string db, bool postgres, int target)
    {
        await using DbConnection c = postgres ? new NpgsqlConnection(db) : new SqliteConnection($"Data Source={db}");
        await c.OpenAsync();
        long Scalar(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 0;
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var have = Scalar("SELECT COUNT(*) FROM events");
        if (have >= target)
        {
            if (postgres)
            {
                Scalar("SELECT 1");
                using var vacuum = c.CreateCommand();
                vacuum.CommandText = "VACUUM ANALYZE";
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync();
            }

            return;
        }

        var sw = Stopwatch.StartNew();
        var n = target - have;
        // Row i → type, date, place, actors, outlet from fixed arithmetic (the same rows in both databases).
        var date = postgres ? "to_char(date '2018-01-01' + ((i * 13) % 2190)::int, 'YYYY-MM-DD')" : "date('2018-01-01', '+' || ((i * 13) % 2190) || ' days')";
        var series = postgres ? $"generate_series(1, {n}) AS g(i)" : $"(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {n}) SELECT i FROM s)";
        var sql = $$"""
            INSERT INTO events (id, document_id, ordinal, version, status, event_type, sub_event_type, event_date, time_precision,
              actor1_id, actor1_name, actor1_inter, actor2_id, actor2_name, actor2_inter, place_id, place_name, admin1, admin2, latitude, longitude,
              geo_precision, fatalities, attribution_kind, outlet, published, confidence, merged_id, json, machine_json)
            SELECT 'bulk-' || i, 'bulkdoc-' || (i / 2), i % 2, 0,
              CASE WHEN i % 10 = 0 THEN 'Accepted' WHEN i % 23 = 0 THEN 'Rejected' ELSE 'Unreviewed' END,
              CASE i % 6 WHEN 0 THEN 'Battles' WHEN 1 THEN 'Explosions/Remote violence' WHEN 2 THEN 'Violence against civilians' WHEN 3 THEN 'Protests' WHEN 4 THEN 'Riots' ELSE 'Strategic developments' END,
              'sub-' || (i % 6) || '-' || ((i / 6) % 3),
              {{date}}, 1 + (i % 3),
              'actor:' || ((i * 7) % 40), 'Actor ' || ((i * 7) % 40), 1 + (i % 8),
              'actor:' || ((i * 11) % 40), 'Actor ' || ((i * 11) % 40), 1 + ((i / 8) % 8),
              'place:' || ((i * 17) % 3000), 'Place ' || ((i * 17) % 3000), 'Admin1-' || ((i * 17) % 3000 % 14), 'Admin2-' || ((i * 17) % 3000 % 60),
              32.0 + ((i * 17) % 3000) / 1000.0, 36.0 + ((i * 17) % 3000) / 1000.0, 1, (i * 3) % 7, 'outlet', 'Outlet-' || (i % 25), {{date}}, 0.7, NULL,
              '{"event_type":"bulk"}', '{"event_type":"bulk"}'
            FROM {{series}}
            """;
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = sql;
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync();
        }

        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = postgres ? "VACUUM ANALYZE" : "ANALYZE";
            cmd.CommandTimeout = 0;
            await cmd.ExecuteNonQueryAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  bulk-generated {n} events in {sw.Elapsed.TotalSeconds:F1} s; now {Scalar("SELECT COUNT(*) FROM events")}"));
    }

    private static async Task QueryAsync(IMarsadStore store, int queries)
    {
        var r = new Random(7);
        string[] types = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"];
        DateOnly Day() => new DateOnly(2018, 1, 1).AddDays(r.Next(0, 2100));
        var shapes = new (string Name, Func<EventQuery> Make)[]
        {
            ("type + month", () => { var d = Day(); return new EventQuery { EventType = types[r.Next(6)], DateFrom = d, DateTo = d.AddDays(30) }; }),
            ("admin1 + quarter", () => { var d = Day(); return new EventQuery { Admin1 = "Admin1-" + r.Next(14), DateFrom = d, DateTo = d.AddDays(90) }; }),
            ("actor", () => new EventQuery { Actor = "actor:" + r.Next(40) }),
            ("place", () => new EventQuery { Place = "Place " + r.Next(3000) }),
            ("outlet + type", () => new EventQuery { Outlet = "Outlet-" + r.Next(25), EventType = types[r.Next(6)] }),
            ("status accepted + sub-type", () => new EventQuery { Status = ReviewStatus.Accepted, SubEventType = "sub-" + r.Next(6) + "-" + r.Next(3) }),
            ("type only, newest page", () => new EventQuery { EventType = types[r.Next(6)] }),
        };
        var all = new List<double>();
        var allCpu = new List<double>();
        foreach (var (name, make) in shapes)
        {
            await store.QueryEventsAsync(make()); // warm
            var times = new List<double>();
            var cpus = new List<double>();
            long rows = 0;
            for (var i = 0; i < Math.Max(20, queries / shapes.Length); i++)
            {
                var q = make();
                var c0 = Cpu();
                var sw = Stopwatch.StartNew();
                var page = await store.QueryEventsAsync(q);
                times.Add(sw.Elapsed.TotalMilliseconds);
                cpus.Add((Cpu() - c0).TotalMilliseconds);
                rows += page.Total;
            }

            all.AddRange(times);
            allCpu.AddRange(cpus);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  query {name,-28} wall p50 {Pct(times, 50),7:F1} ms  p95 {Pct(times, 95),7:F1} ms | CPU p50 {Pct(cpus, 50),6:F1} ms  p95 {Pct(cpus, 95),6:F1} ms  (mean matches {rows / times.Count})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"QUERY {all.Count} event queries (100 rows + total count): wall p50 {Pct(all, 50):F1} ms, p95 {Pct(all, 95):F1} ms; CPU p50 {Pct(allCpu, 50):F1} ms, p95 {Pct(allCpu, 95):F1} ms; load average {LoadAverage()}"));
    }

    private static async Task SearchAsync(IMarsadStore store, int queries)
    {
        var r = new Random(11);
        var words = ReportGenerator.SearchWords;
        var times = new List<double>();
        var cpus = new List<double>();
        long hits = 0;
        await store.SearchAsync(new SearchQuery(words[0]));
        for (var i = 0; i < queries; i++)
        {
            var q = r.Next(3) == 0 ? words[r.Next(words.Length)] + " " + words[r.Next(words.Length)] : words[r.Next(words.Length)];
            var c0 = Cpu();
            var sw = Stopwatch.StartNew();
            var res = await store.SearchAsync(new SearchQuery(q) { Limit = 20 });
            times.Add(sw.Elapsed.TotalMilliseconds);
            cpus.Add((Cpu() - c0).TotalMilliseconds);
            hits += res.Total;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SEARCH {queries} queries (top 20 with snippets + total): wall p50 {Pct(times, 50):F1} ms, p95 {Pct(times, 95):F1} ms; CPU p50 {Pct(cpus, 50):F1} ms, p95 {Pct(cpus, 95):F1} ms (mean matching documents {hits / queries}); load average {LoadAverage()}"));
    }

    /// <summary>This process's CPU time (the store works on the calling thread; a query's CPU is its cost on one free core).</summary>
    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static double Pct(List<double> values, int p)
    {
        var s = values.Order().ToArray();
        return s[Math.Min(s.Length - 1, (int)Math.Ceiling(p / 100.0 * s.Length) - 1)];
    }

    private static async Task ResetPostgresAsync(string cs)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", c);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>~3 KB reports from our own vocabulary, with places, actors and 1–2 events; 2% are light re-edits of an earlier one.</summary>
    private sealed class ReportGenerator(int seed)
    {
        private static readonly string[] Places = ["سراقب", "أريحا", "دوما", "جسر الشغور", "معرة النعمان", "تفتناز", "كفرنبل", "حريتان", "الأتارب", "دارة عزة", "الباب", "منبج", "البوكمال", "الميادين", "تدمر", "السخنة", "درعا", "بصرى", "نوى", "طفس"];
        private static readonly string[] Actors = ["قوات النظام", "فصائل المعارضة", "الميليشيات المحلية", "قوات سوريا الديمقراطية", "مجموعة مسلحة مجهولة", "الفرقة الرابعة", "الشرطة العسكرية", "خلايا التنظيم"];
        private static readonly string[] Verbs = ["قصفت", "استهدفت", "هاجمت", "اشتبكت مع", "داهمت", "اعتقلت", "انسحبت من", "سيطرت على", "حاصرت", "أغارت على"];
        private static readonly string[] Objects = ["مواقع", "حاجزاً", "منازل المدنيين", "سوقاً شعبية", "نقطة عسكرية", "مستودع ذخيرة", "مدرسة", "مشفى ميدانياً", "طريقاً رئيسياً", "مزارع"];
        private static readonly string[] Tails =
        [
            "وأفاد ناشطون بأن الأهالي نزحوا نحو القرى المجاورة", "وقال مصدر طبي إن المشفى استقبل عدداً من المصابين",
            "فيما حلّقت طائرات الاستطلاع فوق المنطقة طوال اليوم", "وسط حالة من التوتر الأمني وانتشار الحواجز على الطرقات",
            "ولم تصدر أي جهة رسمية بياناً حول الحادثة حتى الآن", "بحسب ما أفاد مراسلنا في المنطقة", "وفق مصادر محلية متطابقة",
            "وأكد الدفاع المدني انتشال جثث من تحت الأنقاض", "في تصعيد هو الأعنف منذ أشهر", "رغم اتفاق وقف إطلاق النار المعلن",
        ];

        public static readonly string[] SearchWords = ["قصف", "الاشتباكات", "نازحين", "سراقب", "المشفى", "الدفاع المدني", "حاجز", "مدرسة", "اعتقلت", "منبج", "طائرات", "الأنقاض", "مستودع", "تصعيد"];

        private readonly List<string> _recent = [];

        public AnnotatedDocument Next(int i)
        {
            var r = new Random(seed * 1_000_003 + i);
            string text;
            if (_recent.Count > 10 && r.Next(50) == 0)
            {
                // A republication: an earlier report with a new opening and one changed sentence end.
                var original = _recent[r.Next(_recent.Count)];
                text = "نقلاً عن مصادر محلية: " + original.Replace("وسط حالة", "في ظل حالة", StringComparison.Ordinal);
            }
            else
            {
                var sb = new StringBuilder(3300);
                sb.Append(CultureInfo.InvariantCulture, $"تقرير رقم {i} — ");
                while (sb.Length < 1500) // ~1500 UTF-16 chars ≈ 3 KB of UTF-8 Arabic
                {
                    sb.Append(Actors[r.Next(Actors.Length)]).Append(' ').Append(Verbs[r.Next(Verbs.Length)]).Append(' ')
                      .Append(Objects[r.Next(Objects.Length)]).Append(" في ").Append(Places[r.Next(Places.Length)]).Append(' ')
                      .Append(Tails[r.Next(Tails.Length)]).Append(CultureInfo.InvariantCulture, $"، وقُتل {r.Next(0, 12)} وأصيب {r.Next(0, 30)} بتاريخ {r.Next(1, 29)}/{r.Next(1, 13)}. ");
                }

                text = sb.ToString();
            }

            _recent.Add(text);
            if (_recent.Count > 200)
            {
                _recent.RemoveAt(0);
            }

            var published = new DateOnly(2023, 1, 1).AddDays(i % 700);
            var doc = new Document(text, new DocumentSource($"bench/{i}.txt", $"https://outlet{i % 12}.example/{i}", "Outlet" + (i % 12), null, published));
            var mentions = new List<Mention>();
            var events = new List<ExtractedEvent>();
            foreach (var (p, k) in Places.Select((p, k) => (p, k)))
            {
                var at = text.IndexOf(p, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                var place = new PlaceRef("geonames:" + k, "Place" + k, p, 35 + (k * 0.05), 36 + (k * 0.05), "SY", "Admin" + (k % 5), "District" + k, null, "town");
                mentions.Add(new Mention(EntityType.Place, new TextSpan(at, at + p.Length), p, place, "bench"));
                if (events.Count < 1 + (i % 2))
                {
                    var end = text.IndexOf('.', at);
                    events.Add(new ExtractedEvent
                    {
                        EventType = "Explosions/Remote violence",
                        SubEventType = "Shelling/artillery/missile attack",
                        Date = published.AddDays(-(k % 3)),
                        TimePrecision = 1,
                        Actor1 = new EventActor("actor:" + (k % 8), "Actor" + (k % 8), 1 + (k % 8)),
                        Location = new EventLocation(place, 1),
                        Fatalities = k % 7,
                        Evidence = [new TextSpan(Math.Max(0, at - 40), end < 0 ? text.Length : end + 1)],
                        Trigger = new TextSpan(at, at + p.Length),
                        Confidence = 0.7,
                        Tags = ImmutableArray<string>.Empty,
                    });
                }
            }

            return AnnotatedDocument.Start(doc).WithMentions(mentions, Layers.Places).WithEvents(events);
        }
    }
}
