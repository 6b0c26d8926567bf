using System.Runtime.InteropServices;
using DualHome.Config;
using DualHome.Control;
using DualHome.Control.Console;
using DualHome.Linux;
using DualHome.Linux.Terminal;
using Microsoft.Win32.SafeHandles;

namespace DualHome.Daemon.Commands;

/// <summary>
/// `dualhomed console [--socket PATH | --config FILE] [--tty DEV]`: the interactive CLI. On a terminal
/// (stdin is a tty, e.g. a getty autologin or a pty) it runs in raw mode with line editing; on DEV it opens
/// the serial line at 115200 8N1; on pipes it reads plain lines. System.Console is not used once the session
/// starts: on a terminal it would set its own modes and send terminfo escapes. Exit codes: 0 at exit or end
/// of input, 1 when the terminal cannot be set up, 2 on a usage error.
/// </summary>
public static class ConsoleFrontEnd
{
    public static int Execute(IReadOnlyList<string> args)
    {
        var parsed = ConsoleArguments.Parse(args);
        if (parsed.Help || parsed.Error is not null)
            return Usage(parsed.Error);
        var socket = parsed.Socket ?? (parsed.Config is null ? ControlSocketPath.Default() : ControlSocketPath.Of(parsed.Config));
        try
        {
            return Run(parsed.Tty, r => ControlClient.SendAsync(socket, r, CtlCommand.Timeout));
        }
        catch (NativeErrorException e)
        {
            Console.Error.WriteLine($"dualhomed console: {e.Message}");
            return 1;
        }
    }

    private static int Run(string? device, Func<ControlRequest, Task<ControlResponse>> send)
    {
        if (device is not null)
        {
            using var serial = RawTerminal.OpenSerial(device);
            var line = new DescriptorStream(serial.Handle, FileAccess.ReadWrite);
            return RunRaw(serial, new StreamTerminal(line, line, interactive: true), send);
        }
        var stdin = new SafeFileHandle(0, ownsHandle: false);
        var input = new DescriptorStream(stdin, FileAccess.Read);
        var output = new DescriptorStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write);
        if (!RawTerminal.IsTerminal(stdin))
            return Session(new StreamTerminal(input, output, interactive: false), send);
        using var raw = RawTerminal.Enter(stdin);
        return RunRaw(raw, new StreamTerminal(input, output, interactive: true), send);
    }

    /// <summary>
    /// A signal that ends the process (kill, a closing getty) skips every using block: put the terminal back
    /// in the signal handler, then let the signal do what it does by default.
    /// </summary>
    private static int RunRaw(RawTerminal raw, ITerminal terminal, Func<ControlRequest, Task<ControlResponse>> send)
    {
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => raw.Dispose());
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => raw.Dispose());
        using var hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => raw.Dispose());
        return Session(terminal, send);
    }

    private static int Session(ITerminal terminal, Func<ControlRequest, Task<ControlResponse>> send)
    {
        new ConsoleSession(terminal, send).RunAsync().GetAwaiter().GetResult();
        return 0;
    }

    private static int Usage(string? problem)
    {
        if (problem is null)
        {
            Console.Out.WriteLine(ConsoleArguments.UsageLine);
            return 0;
        }
        Console.Error.WriteLine($"dualhomed console: {problem}\n{ConsoleArguments.UsageLine}");
        return 2;
    }

}

