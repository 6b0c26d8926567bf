using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DualHome.Testbed.Router;

/// <summary>Which router runs in the router namespace.</summary>
public enum RouterKind
{
    /// <summary>The real daemon: <c>dualhomed run --config FILE</c>.</summary>
    Dualhomed,

    /// <summary>
    /// radvd plus the addresses and source routes the daemon would configure: validates the testbed and
    /// every scenario without the daemon, so a later failure is the daemon's, not the testbed's.
    /// </summary>
    RadvdStandIn,
}

public static class RouterKinds
{
    public const string Variable = "DUALHOME_ROUTER";

    /// <summary><c>DUALHOME_ROUTER=standin</c> (or <c>radvd</c>) selects the stand-in; anything else the daemon.</summary>
    public static RouterKind FromEnvironment() =>
        Environment.GetEnvironmentVariable(Variable)?.Trim().ToLowerInvariant() switch
        {
            "standin" or "stand-in" or "radvd" => RouterKind.RadvdStandIn,
            _ => RouterKind.Dualhomed,
        };
}

/// <summary>The router under test, running in the router namespace.</summary>
public abstract partial class RouterProcess : IDisposable
{
    protected RouterProcess(Site site, BackgroundProcess process, string configPath, JsonObject config)
    {
        Site = site;
        Process = process;
        ConfigPath = configPath;
        Config = config;
    }

    public abstract RouterKind Kind { get; }
    protected Site Site { get; }
    public BackgroundProcess Process { get; }
    public string ConfigPath { get; }
    public JsonObject Config { get; }
    public int Pid => Process.Pid;
    public DateTimeOffset StartedAt => Process.StartedAt;
    public bool IsRunning => !Process.HasExited;

    /// <summary>The router's own log file (dualhomed's Log.Path; radvd logs to stderr).</summary>
    public abstract string? LogPath { get; }

    /// <summary>The router's log file so far ("" without one).</summary>
    public string ReadLog() => LogPath is null ? "" : BackgroundProcess.ReadShared(LogPath);

    /// <summary>SIGTERM (by pid), then waits for the exit: the graceful path that sends the final RAs.</summary>
    public virtual Task<StopResult> StopAsync(TimeSpan? timeout = null) =>
        Process.StopAsync(timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>SIGKILL by pid: no final RA, nothing removed.</summary>
    public void Kill() => Process.Kill();

    /// <summary>stdout, stderr and the log file, labelled, for a failure report.</summary>
    public string AllOutput()
    {
        var parts = new List<string>
        {
            $"--- {Kind} pid {Pid} exit {Process.ExitCode?.ToString() ?? "(running)"}",
            $"--- stdout ({Process.StdoutPath})", Process.ReadStdout(),
            $"--- stderr ({Process.StderrPath})", Process.ReadStderr(),
        };
        if (LogPath is not null) parts.AddRange([$"--- log ({LogPath})", BackgroundProcess.ReadShared(LogPath)]);
        return string.Join('\n', parts);
    }

    /// <summary>Lines in any of its output that look like a crash (unhandled exception, fatal error, signal).</summary>
    public IReadOnlyList<string> CrashLines() =>
        AllOutput().Split('\n').Where(l => CrashMarker().IsMatch(l)).ToList();

    /// <summary>.NET runtime crash texts, kernel/shell signal texts, and dualhomed's Fatal log level (FTL).</summary>
    [GeneratedRegex(@"Unhandled exception|Fatal error\.|FailFast|Process terminated|Stack overflow|Segmentation fault|core dumped|\bFTL\b")]
    private static partial Regex CrashMarker();

    public void Dispose() => Process.Dispose();
}
