namespace DualHome.Daemon.Commands;

/// <summary>`dualhomed COMMAND [--config FILE]`; `--version` and `help` take no options.</summary>
public sealed record CommandLine(string Command, string ConfigPath, string? Error)
{
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) return Invalid("no command given");
        string command = args[0] switch
        {
            "--version" or "-V" or "version" => "version",
            "help" or "--help" or "-h" => "help",
            "run" or "check" => args[0],
            _ => "",
        };
        if (command == "") return Invalid($"unknown command '{args[0]}'");
        return ParseOptions(command, args.Skip(1).ToList());
    }

    private static CommandLine ParseOptions(string command, List<string> rest)
    {
        string config = Program.DefaultConfigPath;
        for (int i = 0; i < rest.Count; i++)
        {
            if (rest[i] == "--config" && i + 1 < rest.Count && command is "run" or "check")
                config = rest[++i];
            else
                return Invalid($"unexpected argument '{rest[i]}' for '{command}'");
        }
        return new CommandLine(command, config, null);
    }

    private static CommandLine Invalid(string error) => new("", "", error);
}
