using System.Runtime.InteropServices;
using DualHome.Config;
using DualHome.Config.Host;
using DualHome.Daemon.Host;
using DualHome.Daemon.Logging;
using DualHome.Linux;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Commands;

/// <summary>`host --config FILE` (issue 11): host mode until SIGTERM or SIGINT, then everything it changed is put
/// back. Exit 2 for a bad file (each problem names its key), 1 when the interface or MPTCP cannot be used.</summary>
public static class HostCommand
{
    public const string DefaultPath = "/etc/dualhome/host.json";

    public static int Execute(string[] args, TextWriter output, TextWriter error)
    {
        string path = args.Length == 2 && args[0] == "--config" ? args[1] : args.Length == 0 ? DefaultPath : "";
        if (path.Length == 0) return HelpCommand.Usage(error, "host takes --config FILE only");
        var loaded = HostConfigLoader.LoadFile(path);
        foreach (var issue in loaded.Issues) error.WriteLine($"{path}: {issue}");
        if (loaded.Config is not { } config) return 2;
        using var logs = LoggingSetup.Create(new LogConfig("", config.LogLevel, 0, 0), error);
        var log = logs.CreateLogger("DualHome.Host");
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        return Run(config, log, stop.Token, error);
    }

    private static int Run(HostConfig config, ILogger log, CancellationToken stop, TextWriter error)
    {
        HostAgent agent;
        try { agent = new HostAgent(config, log); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
        {
            error.WriteLine($"dualhomed host: cannot start on {config.Interface}: {e.Message}");
            return 1;
        }
        using (agent)
        {
            agent.Start();
            stop.WaitHandle.WaitOne();
        }
        return 0;
    }
}
