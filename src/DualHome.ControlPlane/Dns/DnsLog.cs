using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Dns;

/// <summary>Every message of the DNS updater, with stable event ids (800–899). Never a secret: keys are named only.</summary>
internal static partial class DnsLog
{
    [LoggerMessage(800, LogLevel.Information, "dns {Zone}: update {Generation} confirmed: {What}")]
    public static partial void Delivered(ILogger log, string zone, long generation, string what);

    [LoggerMessage(801, LogLevel.Warning, "dns {Zone}: update {Generation} not confirmed ({Reason}); retrying")]
    public static partial void SendFailed(ILogger log, string zone, long generation, string reason);

    [LoggerMessage(802, LogLevel.Information, "dns {Zone}: update {Generation} from before the restart is still pending; sending it")]
    public static partial void OutboxResumed(ILogger log, string zone, long generation);
}
