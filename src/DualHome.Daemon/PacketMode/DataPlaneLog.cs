using Microsoft.Extensions.Logging;

namespace DualHome.Daemon.PacketMode;

/// <summary>Messages of packet mode, event ids 700–799.</summary>
internal static partial class DataPlaneLog
{
    [LoggerMessage(700, LogLevel.Information, "packet data plane: {Workers} worker(s) forwarding between {Ports}; kernel forwarding is off")]
    public static partial void Started(ILogger log, int workers, string ports);

    [LoggerMessage(701, LogLevel.Warning, "uplink {Uplink}: forwarding {State}")]
    private static partial void UplinkForwarding(ILogger log, string uplink, string state);

    public static void UplinkForwarding(ILogger log, string uplink, bool up) =>
        UplinkForwarding(log, uplink, up ? "on" : "off, its sources get ICMPv6 code 5");

    [LoggerMessage(702, LogLevel.Error, "forwarding worker {Worker}: {Reason}; resuming")]
    public static partial void WorkerError(ILogger log, int worker, string reason);

    [LoggerMessage(703, LogLevel.Warning, "could not restore the offloads of {Interface}: {Reason}")]
    public static partial void OffloadRestoreFailed(ILogger log, string @interface, string reason);

    [LoggerMessage(704, LogLevel.Information, "forwarding worker {Worker}: real-time scheduling, SCHED_FIFO priority {Priority}")]
    public static partial void Realtime(ILogger log, int worker, int priority);

    [LoggerMessage(705, LogLevel.Warning, "forwarding worker {Worker}: SCHED_FIFO priority {Priority} refused (errno {Errno}; needs CAP_SYS_NICE); forwarding at ordinary priority")]
    public static partial void RealtimeRefused(ILogger log, int worker, int priority, int errno);

    [LoggerMessage(706, LogLevel.Warning, "forwarding worker {Worker}: timer slack refused (errno {Errno}); its coalescing naps may run up to 50 µs long")]
    public static partial void TimerSlackRefused(ILogger log, int worker, int errno);

    [LoggerMessage(707, LogLevel.Information, "forwarding worker {Worker}: pinned to CPU {Cpu}")]
    public static partial void Pinned(ILogger log, int worker, int cpu);

    [LoggerMessage(708, LogLevel.Warning, "forwarding worker {Worker}: CPU {Cpu} refused (errno {Errno}; no such CPU?); running on any CPU")]
    public static partial void PinRefused(ILogger log, int worker, int cpu, int errno);

    [LoggerMessage(709, LogLevel.Information, "ingress drop attached to {Ports} ({Hook}): the kernel no longer also takes in the frames the workers forward ({Local} own addresses passed)")]
    public static partial void IngressDropAttached(ILogger log, string ports, string hook, int local);

    [LoggerMessage(710, LogLevel.Warning, "ingress drop unavailable ({Reason}); forwarding without it, the kernel discards its own copies")]
    public static partial void IngressDropUnavailable(ILogger log, string reason);

    [LoggerMessage(711, LogLevel.Warning, "ingress drop: could not refresh the router's own addresses: {Reason}")]
    public static partial void IngressDropSyncFailed(ILogger log, string reason);

    [LoggerMessage(712, LogLevel.Warning, "could not switch GRO on for {Interface} ({Reason}): its TCP flows are forwarded frame by frame")]
    public static partial void GroRefused(ILogger log, string @interface, string reason);
}
