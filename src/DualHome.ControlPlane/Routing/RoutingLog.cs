using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Routing;

/// <summary>Messages of the site network setup, event ids 200–299.</summary>
internal static partial class RoutingLog
{
    [LoggerMessage(200, LogLevel.Information, "configured: {What}")]
    public static partial void Applied(ILogger log, string what);

    [LoggerMessage(201, LogLevel.Error, "could not configure {What}; uplink {Uplink} is not usable")]
    public static partial void UplinkFailed(ILogger log, Exception error, string what, string uplink);

    [LoggerMessage(202, LogLevel.Information, "removed: {What}")]
    public static partial void Reverted(ILogger log, string what);

    [LoggerMessage(203, LogLevel.Warning, "could not remove {What}")]
    public static partial void RevertFailed(ILogger log, Exception error, string what);

    [LoggerMessage(204, LogLevel.Warning, "uplink {Uplink} has no LAN prefix yet (no prefix delegated): it is down until one is")]
    public static partial void NoPrefix(ILogger log, string uplink);

    [LoggerMessage(205, LogLevel.Warning, "uplink {Uplink} has no gateway yet (no Router Advertisement heard on {Interface}): it is down until one is")]
    public static partial void NoGateway(ILogger log, string uplink, string @interface);

    [LoggerMessage(206, LogLevel.Warning, "could not change {What}; tried again at the next change")]
    public static partial void ChangeFailed(ILogger log, Exception error, string what);
}
