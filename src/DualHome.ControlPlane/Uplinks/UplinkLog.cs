using System.Net;
using Microsoft.Extensions.Logging;

namespace DualHome.ControlPlane.Uplinks;

/// <summary>Every message of the uplink monitors, with stable event ids (300–399).</summary>
internal static partial class UplinkLog
{
    /// <summary>The one line per health transition (as OpenBSD slaacd logs each state change): old → new, why.</summary>
    [LoggerMessage(EventId = 300, Message = "uplink {Uplink}: {From} -> {To} ({Reason})")]
    public static partial void Transition(ILogger log, LogLevel level, string uplink, UplinkState from, UplinkState to, string reason);

    [LoggerMessage(301, LogLevel.Information, "uplink {Uplink}: override {From} -> {To}, prefix now {Advertised}")]
    public static partial void OverrideChanged(ILogger log, string uplink, string from, string to, string advertised);

    [LoggerMessage(302, LogLevel.Information, "uplink {Uplink}: flapping; its next recovery needs a hold-down of {HoldDown}")]
    public static partial void HoldDownGrew(ILogger log, string uplink, TimeSpan holdDown);

    [LoggerMessage(303, LogLevel.Information, "uplink {Uplink}: probing {Targets} every {IntervalMs} ms, down after {DownAfter} silent rounds, up after {UpAfter}")]
    public static partial void Started(ILogger log, string uplink, string targets, double intervalMs, int downAfter, int upAfter);

    [LoggerMessage(304, LogLevel.Information, "uplink {Uplink}: no probe targets; its health follows carrier and gateway only")]
    public static partial void NoTargets(ILogger log, string uplink);

    [LoggerMessage(305, LogLevel.Information, "uplink {Uplink}: monitor stopped")]
    public static partial void Stopped(ILogger log, string uplink);

    [LoggerMessage(306, LogLevel.Warning, "uplink {Uplink}: echo to {Target} could not be sent (counted; logged again after a round that sends cleanly)")]
    public static partial void SendFailed(ILogger log, Exception error, string uplink, IPAddress target);

    [LoggerMessage(307, LogLevel.Debug, "uplink {Uplink}: ignored {Kind} echo reply from {Target}, sequence {Sequence} (seen {Count} times)")]
    public static partial void StrayReply(ILogger log, string uplink, EchoReplyResult kind, IPAddress target, ushort sequence, long count);

    [LoggerMessage(308, LogLevel.Information, "uplink {Uplink}: probe settings changed live: every {IntervalMs} ms, down after {DownAfter}, up after {UpAfter}")]
    public static partial void Reconfigured(ILogger log, string uplink, double intervalMs, int downAfter, int upAfter);
}
