using DualHome.Config;
using DualHome.Control;

namespace DualHome.Daemon.Commands;

/// <summary>`dualhomed ctl …`: one command to the running daemon. Without --socket/--config it uses the socket
/// of the default configuration file (or the built-in default when that file is unreadable).</summary>
public static class CtlFrontEnd
{
    public static int Execute(IReadOnlyList<string> args) =>
        CtlCommand.RunAsync(args, ControlSocketPath.Default(), ControlSocketPath.Of, Console.Out, Console.Error).GetAwaiter().GetResult();
}
