using System.CommandLine;
using Marsad.Store;
using Marsad.Web.Features.Auth;

namespace Marsad.Cli.Commands;

/// <summary>
/// <c>marsad user add NAME [--role reviewer|admin] [--db DB]</c>, <c>marsad user passwd NAME</c>, <c>marsad user disable|enable NAME</c>,
/// <c>marsad user list</c>. A password change or disabling revokes every session of the user.
/// The password is read from <c>MARSAD_PASSWORD</c> or the first line of stdin (never from the command line);
/// it is stored as a PBKDF2-SHA256 hash with a per-user salt.
/// </summary>
internal static class UserCommand
{
    public static Command Create(CliIo io)
    {
        var cmd = new Command("user", "Manage reviewer accounts for `marsad serve`.");
        var db = new Option<string?>("--db") { Description = "Database (default: MARSAD_DB, else the user data folder).", Recursive = true };
        cmd.Options.Add(db);

        var addName = new Argument<string>("NAME") { Description = "User name." };
        var role = new Option<string>("--role") { Description = "Role.", DefaultValueFactory = _ => "reviewer" };
        role.AcceptOnlyFromAmong("reviewer", "admin");
        var add = new Command("add", "Add a user; the password comes from MARSAD_PASSWORD or the first line of stdin.") { addName, role };
        add.SetAction(async (parse, ct) =>
        {
            var password = ReadPassword(io);
            if (password is null)
            {
                return MarsadCommandLine.ExitUsage;
            }

            using var store = await OpenAsync(parse.GetValue(db), ct).ConfigureAwait(false);
            var name = parse.GetValue(addName)!.Trim();
            if (!await store.AddUserAsync(name, PasswordHashing.Hash(password), parse.GetValue(role) ?? "reviewer", ct).ConfigureAwait(false))
            {
                io.Stderr.WriteLine($"marsad user add: '{name}' already exists (use 'marsad user passwd').");
                return MarsadCommandLine.ExitUsage;
            }

            io.Stdout.WriteLine($"added user {name}");
            return MarsadCommandLine.ExitOk;
        });

        var pwName = new Argument<string>("NAME") { Description = "User name." };
        var passwd = new Command("passwd", "Set a user's password (MARSAD_PASSWORD or the first line of stdin).") { pwName };
        passwd.SetAction(async (parse, ct) =>
        {
            var password = ReadPassword(io);
            if (password is null)
            {
                return MarsadCommandLine.ExitUsage;
            }

            using var store = await OpenAsync(parse.GetValue(db), ct).ConfigureAwait(false);
            var name = parse.GetValue(pwName)!.Trim();
            if (!await store.SetPasswordHashAsync(name, PasswordHashing.Hash(password), ct).ConfigureAwait(false))
            {
                io.Stderr.WriteLine($"marsad user passwd: no user '{name}'.");
                return MarsadCommandLine.ExitUsage;
            }

            io.Stdout.WriteLine($"password changed for {name}");
            return MarsadCommandLine.ExitOk;
        });

        var disable = StateCommand("disable", "Disable a user: no sign-in, every open session revoked.", disabled: true);
        var enable = StateCommand("enable", "Re-enable a disabled user (old sessions stay revoked).", disabled: false);

        Command StateCommand(string verb, string description, bool disabled)
        {
            var name = new Argument<string>("NAME") { Description = "User name." };
            var c = new Command(verb, description) { name };
            c.SetAction(async (parse, ct) =>
            {
                using var store = await OpenAsync(parse.GetValue(db), ct).ConfigureAwait(false);
                var n = parse.GetValue(name)!.Trim();
                if (!await store.SetDisabledAsync(n, disabled, ct).ConfigureAwait(false))
                {
                    io.Stderr.WriteLine($"marsad user {verb}: no user '{n}'.");
                    return MarsadCommandLine.ExitUsage;
                }

                io.Stdout.WriteLine($"{verb}d user {n}");
                return MarsadCommandLine.ExitOk;
            });
            return c;
        }

        var list = new Command("list", "List users.");
        list.SetAction(async (parse, ct) =>
        {
            using var store = await OpenAsync(parse.GetValue(db), ct).ConfigureAwait(false);
            foreach (var u in await store.ListUsersAsync(ct).ConfigureAwait(false))
            {
                io.Stdout.WriteLine($"{u.Name}\t{u.Role}\t{u.CreatedAt:yyyy-MM-dd}{(u.Disabled ? "\tdisabled" : "")}");
            }

            return MarsadCommandLine.ExitOk;
        });

        cmd.Subcommands.Add(add);
        cmd.Subcommands.Add(passwd);
        cmd.Subcommands.Add(disable);
        cmd.Subcommands.Add(enable);
        cmd.Subcommands.Add(list);
        return cmd;
    }

    private static string? ReadPassword(CliIo io)
    {
        var pw = Environment.GetEnvironmentVariable("MARSAD_PASSWORD");
        if (string.IsNullOrEmpty(pw))
        {
            pw = io.Stdin.ReadLine();
        }

        if (string.IsNullOrEmpty(pw) || pw.Length < 8)
        {
            io.Stderr.WriteLine("marsad user: give a password of at least 8 characters in MARSAD_PASSWORD or on stdin.");
            return null;
        }

        return pw;
    }

    private static async Task<IMarsadStore> OpenAsync(string? db, CancellationToken ct)
    {
        var target = MarsadStore.Resolve(db);
        if (!MarsadStore.IsPostgres(target) && Path.GetDirectoryName(Path.GetFullPath(target)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        var store = MarsadStore.Open(target);
        await store.MigrateAsync(ct).ConfigureAwait(false);
        return store;
    }
}
