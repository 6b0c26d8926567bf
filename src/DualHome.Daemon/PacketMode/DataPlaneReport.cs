using System.Text;
using DualHome.DataPlane;
using DualHome.DataPlane.Counters;
using DualHome.DataPlane.Forwarding;

namespace DualHome.Daemon.PacketMode;

/// <summary>The packet data plane's lines of <c>show counters</c>: per port frames in and out, drops by reason, ICMPv6
/// errors, neighbour resolution.</summary>
public static class DataPlaneReport
{
    public static string Text(Forwarder? forwarder, WorkerPool? workers, KernelNeighbors? neighbors, string? ingressDrop)
    {
        if (forwarder is null || workers is null) return "dataplane: not running";
        var sb = new StringBuilder();
        var names = forwarder.Config.PortNames;
        sb.AppendLine($"dataplane: packet mode, {workers.Workers.Count} worker(s); {Settings(workers.Settings)}; " +
                      (ingressDrop is not null ? $"ingress drop on ({ingressDrop})" : workers.Settings.IngressDrop ? "ingress drop unavailable (see the log)" : "ingress drop off"));
        for (int i = 0; i < names.Count; i++)
        {
            var port = i == 0 ? Port.Lan : Port.Uplink(i - 1);
            long received = workers.Workers.Sum(w => w.Counters.Received(port)), sent = workers.Workers.Sum(w => w.Counters.Sent(port));
            sb.AppendLine($"dataplane {names[i]}: received {received}, sent {sent}, dropped {forwarder.Drops.Total(port)}");
        }
        foreach (var drop in forwarder.Drops.Snapshot())
            sb.AppendLine($"dataplane {drop.Port}: dropped {drop.Reason.ToStableName()} {drop.Count}");
        var icmp = forwarder.IcmpErrors;
        if (workers.Settings.CarriesOffloads)
            sb.AppendLine($"dataplane offloads: super-frames forwarded {workers.Workers.Sum(w => w.Counters.Large)}");
        sb.AppendLine($"dataplane icmp errors: sent {icmp.Sent}, rate limited {icmp.RateLimited}");
        if (neighbors is not null)
            sb.AppendLine($"dataplane neighbors: resolutions {neighbors.Requested}, refused {neighbors.Refused}, failed {neighbors.Failed}, frames waiting {workers.Workers.Sum(w => w.Pending)}");
        return sb.ToString().TrimEnd();
    }

    /// <summary>README "Packet mode": the settings that decide whether a worker keeps up.</summary>
    public static string Settings(DualHome.Config.DataPlaneConfig d) =>
        $"receive ring {d.RingFrames} slots, coalescing {d.CoalesceMicroseconds} µs, " +
        (d.RealtimePriority > 0 ? $"SCHED_FIFO {d.RealtimePriority}, " : "ordinary priority, ") +
        (d.Cpus is { Count: > 0 } cpus ? $"CPUs {string.Join(",", cpus)}" : "any CPU") +
        (d.CarriesOffloads ? ", offloads carried (GRO on)" : ", offloads off");
}
