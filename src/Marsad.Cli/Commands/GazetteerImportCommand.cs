using System.CommandLine;
using Marsad.Cli.Composition;
using Marsad.Knowledge;
using Marsad.Knowledge.Places;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad gazetteer import FILE...</c>: imports a GeoNames dump (a country file such as SY.txt, and
/// optionally alternateNamesV2.txt for Arabic names) into the user's places folder
/// (<see cref="KnowledgeBase.UserPlacesFolder"/>), which extraction reads beside the shipped gazetteer.
/// </summary>
internal static class GazetteerImportCommand
{
    public static Command Create(CliIo io)
    {
        var files = new Argument<string[]>("FILE") { Description = "GeoNames geoname-table files (SY.txt, ...) and alternateNames files.", Arity = ArgumentArity.OneOrMore };
        var to = new Option<string?>("--to") { Description = "Folder to write (default: $MARSAD_HOME/places or ~/.local/share/marsad/places)." };
        var import = new Command("import", "Import a full GeoNames dump (villages) into the user's gazetteer.") { files, to };
        import.SetAction(parse =>
        {
            var paths = parse.GetValue(files) ?? [];
            foreach (var p in paths)
            {
                if (!File.Exists(p))
                {
                    io.Stderr.WriteLine($"marsad gazetteer import: {p}: no such file");
                    return MarsadCommandLine.ExitUsage;
                }
            }

            var folder = parse.GetValue(to) ?? KnowledgeBase.UserPlacesFolder();
            var data = MarsadData.Locate();
            var result = GeoNamesImporter.Import(paths, Path.Combine(data.Root, "places", "admin.tsv"), folder);
            io.Stdout.WriteLine($"imported {result.Places} places ({result.ArabicNames} Arabic names) into {result.OutputFile}");
            return MarsadCommandLine.ExitOk;
        });
        return new Command("gazetteer", "Gazetteer maintenance.") { import };
    }
}
