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

    [LoggerMessage(10, LogLevel.Warning, "factory reset by the button: {Detail}; restarting on the factory defaults")]
    public static partial void FactoryReset(ILogger log, string detail);

    [LoggerMessage(20, LogLevel.Information, "configuration committed and applied live: {What}")]
    public static partial void AppliedLive(ILogger log, string what);

    [LoggerMessage(21, LogLevel.Warning, "configuration committed: restarting the router on it")]
    public static partial void Restarting(ILogger log);

    [LoggerMessage(22, LogLevel.Error, "{Message}")]
    public static partial void ConfigBanner(ILogger log, string message);

    [LoggerMessage(23, LogLevel.Error, "no usable configuration: running unconfigured, only the control socket {Socket} answers (use the console: set, commit, save)")]
    public static partial void Unconfigured(ILogger log, string socket);

    [LoggerMessage(24, LogLevel.Error, "the router could not start on the committed configuration ({Reason}); going back to the previous one")]
    public static partial void RestartFailed(ILogger log, string reason);

    [LoggerMessage(25, LogLevel.Warning, "uplink {Uplink}: {What} on {Interface} cannot start yet ({Reason}); retrying")]
    public static partial void LearningWaiting(ILogger log, string uplink, string what, string @interface, string reason);

    [LoggerMessage(26, LogLevel.Warning, "uplink {Uplink}: LAN prefix {Old} → {New} ({Reason}): renumbering the LAN")]
    public static partial void Renumbering(ILogger log, string uplink, string old, string @new, string reason);

    [LoggerMessage(27, LogLevel.Error, "uplink {Uplink}: SubnetId {SubnetId} does not fit in the delegated {Delegated}; the uplink has no LAN prefix")]
    public static partial void SubnetDoesNotFit(ILogger log, string uplink, ulong subnetId, string delegated);

    [LoggerMessage(28, LogLevel.Error, "cannot keep the list of advertised prefixes on stable storage ({Reason}); after a reboot, stale prefixes will not be withdrawn (RFC 9096)")]
    public static partial void PrefixMemoryFailed(ILogger log, string reason);

    [LoggerMessage(29, LogLevel.Warning, "uplink {Uplink}: gateway {Old} → {New} ({Reason}): restarting the router on it")]
    public static partial void GatewayChanged(ILogger log, string uplink, string old, string @new, string reason);

    [LoggerMessage(30, LogLevel.Information, "peer exit router {Peer} ({State}) advertises {Prefixes}")]
    public static partial void PeerChanged(ILogger log, string peer, string state, string prefixes);

    [LoggerMessage(31, LogLevel.Error, "no peer heartbeats on {Interface} port {Port} ({Reason}): peers are learnt from their RAs only, and a dead one is not noticed")]
    public static partial void NoHeartbeats(ILogger log, string @interface, int port, string reason);

    [LoggerMessage(32, LogLevel.Warning, "peers: {Forward} forwarded to their routers; {Refuse} refused and {Deprecate} deprecated on a dead peer's behalf")]
    public static partial void PeerPlanChanged(ILogger log, string forward, string refuse, string deprecate);

    /// <summary>A setup failure is the user's to fix (wrong interface name, no privilege): the message, not a trace.</summary>
    [LoggerMessage(6, LogLevel.Critical, "cannot run: {Reason}")]
    public static partial void Failed(ILogger log, string reason);
}
