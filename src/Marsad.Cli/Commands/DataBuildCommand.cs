using System.CommandLine;
using Marsad.Knowledge.Places;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad data build [--shared DIR] [--out DATA_DIR]</c>: regenerates the derived place files
/// (<c>data/places/geonames.tsv</c>, <c>admin.tsv</c>) from GeoNames cities500 and the OpenSyria admin
/// gazetteer, and re-hashes <c>data/places/catalogue.json</c>.
/// </summary>
internal static class DataBuildCommand
{
    public static Command Create(CliIo io)
    {
        var shared = new Option<string>("--shared") { Description = "Folder holding geonames/ and syria_admin_gazetteer/ (default: ../shared/data).", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
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

            var result = PlaceDataBuilder.Build(geonames, admin, parse.GetValue(output)!);
            Marsad.Knowledge.KnowledgeCatalogues.WriteActorsAndPersons(parse.GetValue(output)!);
            io.Stdout.WriteLine($"places: {result.GeonamesRows} GeoNames rows, {result.AdminRows} admin units");
            return MarsadCommandLine.ExitOk;
        });
        return new Command("data", "Language data maintenance.") { build };
    }
}
