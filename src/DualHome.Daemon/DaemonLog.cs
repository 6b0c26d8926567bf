using Microsoft.Extensions.Logging;

namespace DualHome.Daemon;

/// <summary>Messages of the daemon's own lifecycle, event ids 1–99.</summary>
internal static partial class DaemonLog
{
    [LoggerMessage(1, LogLevel.Information, "dualhomed {Version} starting with {Path}")]
    public static partial void Starting(ILogger log, string version, string path);

    [LoggerMessage(2, LogLevel.Warning, "configuration {Path}: {Issue}")]
    public static partial void ConfigWarning(ILogger log, string path, string issue);

    [LoggerMessage(3, LogLevel.Information, "running: advertising on {Lan} for {Count} uplinks")]
    public static partial void Running(ILogger log, string lan, int count);

    [LoggerMessage(4, LogLevel.Information, "{Signal} received, stopping")]
    public static partial void Stopping(ILogger log, string signal);

    [LoggerMessage(5, LogLevel.Information, "stopped cleanly")]
    public static partial void Stopped(ILogger log);

    [LoggerMessage(7, LogLevel.Warning, "{Lan} has no link-local address yet (link down?): RAs will be retried")]
    public static partial void NoLinkLocal(ILogger log, string lan);

    [LoggerMessage(8, LogLevel.Error, "control socket {Path} unavailable ({Reason}): ctl and the console will not reach this daemon")]
    public static partial void NoControl(ILogger log, string path, string reason);

    [LoggerMessage(9, LogLevel.Error, "Board.Profile '{Profile}' cannot be used ({Reason}); running without LEDs and button")]
    public static partial void BoardUnusable(ILogger log, string profile, string reason);

    [LoggerMessage(10, LogLevel.Warning, "factory reset requested by the button; the configuration lifecycle that would do it is not built yet (nothing changed)")]
    public static partial void FactoryResetUnavailable(ILogger log);

    /// <summary>A setup failure is the user's to fix (wrong interface name, no privilege): the message, not a trace.</summary>
    [LoggerMessage(6, LogLevel.Critical, "cannot run: {Reason}")]
    public static partial void Failed(ILogger log, string reason);
}
