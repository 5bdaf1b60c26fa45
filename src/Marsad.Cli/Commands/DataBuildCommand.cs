using System.CommandLine;
using Marsad.Knowledge.Places;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad data build [--shared DIR] [--out DATA_DIR]</c>: regenerates the derived place files
/// (<c>data/places/geonames.tsv</c>, <c>admin.tsv</c>) from GeoNames cities500 and the OpenSyria admin
/// gazetteer, and re-hashes <c>data/places/catalogue.json</c>; with <c>whosonfirst_mena/</c> present, also the map's
/// governorate and district outlines (<c>data/basemap/admin1.geojson</c>, <c>admin2.geojson</c>).
/// </summary>
internal static class DataBuildCommand
{
    public static Command Create(CliIo io)
    {
        var shared = new Option<string>("--shared") { Description = "Folder holding geonames/, syria_admin_gazetteer/, whosonfirst_mena/ and anercorp/ (default: ../shared/data).", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var output = new Option<string>("--out") { Description = "The data/ folder to write (default: ./data).", DefaultValueFactory = _ => "data" };
        var build = new Command("build", "Regenerate the derived place files from their sources.") { shared, output };
        build.SetAction(parse =>
        {
            var src = parse.GetValue(shared)!;
            var geonames = Path.Combine(src, "geonames", "cities500_mena.tsv");
            var admin = Path.Combine(src, "syria_admin_gazetteer");
            if (!File.Exists(geonames) || !Directory.Exists(admin))
            {
                io.Stderr.WriteLine($"marsad data build: sources not found under {src} (need geonames/cities500_mena.tsv and syria_admin_gazetteer/)");
                return MarsadCommandLine.ExitUsage;
            }

            var wof = Path.Combine(src, "whosonfirst_mena");
            var wofPlaces = Path.Combine(wof, "wof_mena_places.tsv");
            var anercorp = Path.Combine(src, "anercorp", "train.txt");
            if (!File.Exists(wofPlaces))
            {
                io.Stderr.WriteLine($"marsad data build: {wofPlaces} not found; places/wof.tsv left as it is");
            }

            if (!File.Exists(anercorp))
            {
                io.Stderr.WriteLine($"marsad data build: {anercorp} not found; places/common-words.tsv left as it is");
            }

            var result = PlaceDataBuilder.Build(geonames, admin, parse.GetValue(output)!,
                File.Exists(wofPlaces) ? wofPlaces : null, File.Exists(anercorp) ? anercorp : null);
            Marsad.Knowledge.KnowledgeCatalogues.WriteActorsAndPersons(parse.GetValue(output)!);
            io.Stdout.WriteLine($"places: {result.GeonamesRows} GeoNames rows, {result.AdminRows} admin units, {result.WofRows} Who's On First rows, {result.CommonWords} common words");
            if (File.Exists(Path.Combine(wof, "regions.geojson")) && File.Exists(Path.Combine(wof, "counties.geojson")))
            {
                var basemap = Marsad.Web.Basemap.BasemapBuilder.Build(wof, parse.GetValue(output)!);
                io.Stdout.WriteLine($"basemap: {basemap.Governorates} governorate and {basemap.Districts} district outlines, {basemap.Vertices} vertices");
            }
            else
            {
                io.Stderr.WriteLine($"marsad data build: {wof} not found; basemap outlines left as they are");
            }

            return MarsadCommandLine.ExitOk;
        });
        return new Command("data", "Language data maintenance.") { build };
    }
}
