using System.Runtime.InteropServices;
using DualHome.Config;
using DualHome.Daemon.Logging;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Commands;

/// <summary>`run`: load the configuration (invalid → exit 2, nothing touched), run the router until SIGTERM or
/// SIGINT, stop cleanly (exit 0). A failure to set up (no LAN interface, no privilege) → exit 1.</summary>
public static class RunCommand
{
    public static int Execute(string path)
    {
        var result = ConfigLoader.LoadFile(path);
        if (!result.Ok)
            return CheckCommand.Execute(path, TextWriter.Null, Console.Error);
        using var logs = LoggingSetup.Create(result.Config!.Log, Console.Error);
        var log = logs.CreateLogger("DualHome.Daemon");
        DaemonLog.Starting(log, VersionCommand.Version, path);
        foreach (var w in result.Warnings) DaemonLog.ConfigWarning(log, path, w.ToString());
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => OnSignal(c, stop, log, "SIGTERM"));
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => OnSignal(c, stop, log, "SIGINT"));
        return Run(result.Config, logs, log, stop.Token);
    }

    private static int Run(SiteConfig config, ILoggerFactory logs, ILogger log, CancellationToken stop)
    {
        try
        {
            int code = new Router(config, logs).RunAsync(stop).GetAwaiter().GetResult();
            DaemonLog.Stopped(log);
            return code;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            DaemonLog.Failed(log, e.InnerException is null ? e.Message : $"{e.Message} ({e.InnerException.Message})");
            return 1;
        }
    }

    private static void OnSignal(PosixSignalContext context, CancellationTokenSource stop, ILogger log, string name)
    {
        context.Cancel = true; // we stop ourselves, after the final RAs
        DaemonLog.Stopping(log, name);
        stop.Cancel();
    }
}
