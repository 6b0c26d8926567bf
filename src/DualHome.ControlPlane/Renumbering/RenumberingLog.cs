using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Renumbering;

/// <summary>Messages of gateway learning and renumbering, event ids 950–999 (with DHCPv6, issue 8).</summary>
internal static partial class RenumberingLog
{
    [LoggerMessage(950, LogLevel.Information, "uplink {Uplink}: gateway from the ISP's Router Advertisements {Old} → {New}")]
    public static partial void GatewayChanged(ILogger log, string uplink, string old, string @new);

    [LoggerMessage(951, LogLevel.Warning, "uplink {Uplink}: could not send a Router Solicitation ({Reason})")]
    public static partial void SolicitFailed(ILogger log, string uplink, string reason);
}
