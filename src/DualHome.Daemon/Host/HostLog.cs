using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.Host;

/// <summary>Messages of host mode (issue 11), event ids 1000–1099.</summary>
internal static partial class HostLog
{
    [LoggerMessage(1000, LogLevel.Information, "host mode on {Interface}: probing {Targets} every {IntervalMs} ms per source; MPTCP {Mptcp}; exit selection {Exit}")]
    public static partial void Started(ILogger log, string @interface, string targets, double intervalMs, string mptcp, string exit);

    [LoggerMessage(1001, LogLevel.Information, "exit {Prefix} (source {Address}): {Old} -> {New} ({Quality})")]
    public static partial void ExitChanged(ILogger log, string prefix, string address, string old, string @new, string quality);

    [LoggerMessage(1002, LogLevel.Information, "source route: {What}")]
    public static partial void Route(ILogger log, string what);

    [LoggerMessage(1003, LogLevel.Information, "MPTCP endpoint {What}")]
    public static partial void Endpoint(ILogger log, string what);

    [LoggerMessage(1004, LogLevel.Warning, "cannot {What}: {Reason}")]
    public static partial void Failed(ILogger log, string what, string reason);

    [LoggerMessage(1005, LogLevel.Information, "address {Address}: {What}")]
    public static partial void Address(ILogger log, string address, string what);

    [LoggerMessage(1006, LogLevel.Information, "host mode stopped: routes, endpoints, limits and address lifetimes put back")]
    public static partial void Stopped(ILogger log);
}
