using DualHome.Daemon.Commands;

namespace DualHome.Daemon;

/// <summary>dualhomed: the command line. Exit codes: 0 ok, 1 runtime failure, 2 usage or invalid configuration.</summary>
public static class Program
{
    public const string DefaultConfigPath = "/etc/dualhome/dualhome.json";

    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ctl")
            return CtlFrontEnd.Execute(args[1..]);
        if (args.Length > 0 && args[0] == "console")
            return ConsoleFrontEnd.Execute(args[1..]);
        if (args.Length > 0 && args[0] == "host")
            return HostCommand.Execute(args[1..], Console.Out, Console.Error);
        if (args.Length > 0 && args[0] == "dhcpv6")
            return Dhcpv6Command.Execute(args[1..], Console.Out, Console.Error);
        var parsed = CommandLine.Parse(args);
        return parsed.Command switch
        {
            "run" => RunCommand.Execute(parsed.ConfigPath),
            "check" => CheckCommand.Execute(parsed.ConfigPath, Console.Out, Console.Error),
            "version" => VersionCommand.Execute(Console.Out),
            "help" => HelpCommand.Execute(Console.Out),
            _ => HelpCommand.Usage(Console.Error, parsed.Error),
        };
    }
}
