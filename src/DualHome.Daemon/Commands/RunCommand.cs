using System.Runtime.InteropServices;
using DualHome.Config;
using DualHome.Config.Lifecycle;
using DualHome.Config.Options;
using DualHome.Control;
using DualHome.Daemon.Configuration;
using DualHome.Daemon.Control;
using DualHome.Daemon.Delegations;
using DualHome.Daemon.Logging;
using DualHome.Daemon.Platform;
using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Commands;

/// <summary>`run`: load the configuration (the file, else its backup, else the factory defaults, else unconfigured
/// with only the control socket — never a dead router), run the router until SIGTERM or SIGINT and stop cleanly
/// (exit 0); a committed change that needs it restarts the router in-process. A failure to set up the first
/// router (no LAN interface, no privilege) → exit 1.</summary>
public static class RunCommand
{
    private static readonly TimeSpan StartDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>How long the first router waits for DHCPv6-PD and the ISP's RAs (RFC 8415 §18.2.1: up to 1 s of
    /// SOL_MAX_DELAY, then the first Solicit's 1 s timeout collecting Advertises).</summary>
    private static readonly TimeSpan FirstLearnWait = TimeSpan.FromSeconds(4);

    public static int Execute(string path)
    {
        var lifecycle = new ConfigLifecycle(path, LinuxConfigFileSystem.Create());
        var config = lifecycle.Load();
        var logConfig = config?.Log ?? DefaultLog();
        var levels = new LogLevels(logConfig.Level);
        using var logs = LoggingSetup.Create(logConfig, Console.Error, levels);
        var log = logs.CreateLogger("DualHome.Daemon");
        DaemonLog.Starting(log, VersionCommand.Version, path);
        Report(lifecycle, log, path);
        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => OnSignal(c, stop, log, "SIGTERM"));
        using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => OnSignal(c, stop, log, "SIGINT"));
        return Loop(lifecycle, config, logs, levels, log, stop.Token);
    }

    private static void Report(ConfigLifecycle lifecycle, ILogger log, string path)
    {
        foreach (var w in lifecycle.Warnings) DaemonLog.ConfigWarning(log, path, w.ToString());
        if (lifecycle.Banner is { } banner) DaemonLog.ConfigBanner(log, $"{lifecycle.LoadMessage}\n{banner.TrimEnd()}");
    }

    private static int Loop(ConfigLifecycle lifecycle, SiteConfig? config, ILoggerFactory logs, LogLevels levels,
        ILogger log, CancellationToken stop)
    {
        bool first = true;
        // Delegations outlive router restarts: a restart neither loses nor re-asks for a prefix (issue 8).
        using var delegations = new PrefixDelegations(logs);
        IReadOnlySet<string>? resumeUp = null;
        while (!stop.IsCancellationRequested)
        {
            config ??= RunUnconfigured(lifecycle, logs, log, stop);
            if (config is null) break;
            delegations.Reconcile(config);
            if (first) delegations.WaitUntilLearnt(FirstLearnWait, stop);
            var router = new Router(config, lifecycle, logs, levels, delegations, resumeUp);
            var (exit, failure) = RunRouter(router, stop);
            resumeUp = exit == RouterExit.Renumber ? router.UpAtExit : null;
            if (failure is not null && (first || !TryGoBack(lifecycle, log, failure, out config))) return Fail(log, failure);
            if (failure is null && exit == RouterExit.Stopped) break;
            if (failure is null && exit == RouterExit.Restart) { DaemonLog.Restarting(log); config = lifecycle.Candidate.Running; }
            first = false;
        }
        DaemonLog.Stopped(log);
        return 0;
    }

    private static (RouterExit, string?) RunRouter(Router router, CancellationToken stop)
    {
        try { return (router.RunAsync(stop).GetAwaiter().GetResult(), null); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return (RouterExit.Stopped, e.InnerException is null ? e.Message : $"{e.Message} ({e.InnerException.Message})");
        }
    }

    /// <summary>A restart on a committed configuration failed: the previous one goes back in, so the router runs.</summary>
    private static bool TryGoBack(ConfigLifecycle lifecycle, ILogger log, string failure, out SiteConfig? config)
    {
        DaemonLog.RestartFailed(log, failure);
        lifecycle.Candidate.Rollback();
        var back = lifecycle.Candidate.Commit((_, _) => ApplyResult.Success("back to the previous configuration"));
        config = back.Ok ? lifecycle.Candidate.Running : null;
        return config is not null;
    }

    private static int Fail(ILogger log, string reason)
    {
        DaemonLog.Failed(log, reason);
        return 1;
    }

    /// <summary>Only the control socket, at its default path, until a complete configuration is committed.</summary>
    private static SiteConfig? RunUnconfigured(ConfigLifecycle lifecycle, ILoggerFactory logs, ILogger log, CancellationToken stop)
    {
        var socket = new ControlOptions().Socket;
        DaemonLog.Unconfigured(log, socket);
        using var ready = new CancellationTokenSource();
        SiteConfig? committed = null;
        ApplyResult Apply(SiteConfig? _, SiteConfig next)
        {
            committed = next;
            ready.CancelAfter(StartDelay); // the commit's reply goes out first
            return ApplyResult.Success("starting the router on it");
        }
        var handler = new UnconfiguredCommands(new ConfigCommands(lifecycle, Apply, null), () => lifecycle.Banner);
        var control = new ControlServer(socket, handler, logs.CreateLogger<ControlServer>());
        try
        {
            try { control.Start(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Net.Sockets.SocketException)
            {
                DaemonLog.NoControl(log, socket, e.Message);
            }
            using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, ready.Token);
            either.Token.WaitHandle.WaitOne();
        }
        finally
        {
            control.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return stop.IsCancellationRequested ? null : committed;
    }

    private static LogConfig DefaultLog()
    {
        var o = new LogOptions();
        return new LogConfig(o.Path, o.Level, o.MaxFileBytes, o.MaxFiles);
    }

    private static void OnSignal(PosixSignalContext context, CancellationTokenSource stop, ILogger log, string name)
    {
        context.Cancel = true; // we stop ourselves, after the final RAs
        DaemonLog.Stopping(log, name);
        stop.Cancel();
    }
}
