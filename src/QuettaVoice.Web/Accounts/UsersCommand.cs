using QuettaVoice.Web.Data;
using QuettaVoice.Web.Scaling;

namespace QuettaVoice.Web.Accounts;

/// <summary><c>users add --email E --name N --role R --password-stdin</c>: accounts made by a deploy script.</summary>
public static class UsersCommand
{
    public const string Name = "users";

    public const string Usage =
        "usage: users add --email EMAIL --name \"DISPLAY NAME\" --role Admin|Editor|Writer|Moderator --password-stdin\n"
        + "  The password is read from the first line of standard input, so it never shows in the process list.";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter errors)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var passwordFromStdin = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--password-stdin")
            {
                passwordFromStdin = true;
            }
            else if (args[i] is "--email" or "--name" or "--role" && i + 1 < args.Length)
            {
                flags[args[i]] = args[++i];
            }
            else
            {
                await errors.WriteLineAsync($"users: unexpected argument {args[i]}\n{Usage}");
                return 2;
            }
        }

        if (args.FirstOrDefault() != "add" || !passwordFromStdin
            || !flags.TryGetValue("--email", out var email) || !flags.TryGetValue("--name", out var name) || !flags.TryGetValue("--role", out var role))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? "";
        await using var scope = services.CreateAsyncScope();
        await StartupLock.WhileHeldAsync(scope.ServiceProvider, () => scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync());
        var problems = await scope.ServiceProvider.GetRequiredService<NewsroomAccounts>()
            .AddUserAsync(email, name, role, password, mustChangePassword: false);
        if (problems.Count > 0)
        {
            await errors.WriteLineAsync("users: the account was not created: " + string.Join(" ", problems));
            return 1;
        }

        await output.WriteLineAsync($"Added {name} as {role}.");
        return 0;
    }
}
