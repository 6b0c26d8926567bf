namespace DualHome.Demo;

/// <summary>Who forwards in the router: the kernel, or the daemon's AF_PACKET workers (real-time or not, pinned to the
/// last CPUs or not: DataPlane.RealtimePriority and DataPlane.Cpus).</summary>
/// <param name="CarryOffloads">Packet mode: DataPlane.Offloads "carry" (GRO on, super-frames forwarded) or "off".</param>
/// <param name="Gro">Kernel mode: the bench switches GRO on at the router's ports, as carried offloads do in packet mode.</param>
public sealed record DataPlaneMode(string Mode, int Workers, int RealtimePriority = 0, bool Pinned = false, bool IngressDrop = true,
    bool CarryOffloads = true, bool Gro = false)
{
    /// <summary>The SCHED_FIFO priority `packet:N:rt` asks for.</summary>
    public const int BenchRealtimePriority = 50;

    public bool IsPacket => Mode == "packet";

    /// <summary>Pinned workers take the last CPUs, one each: trafgen sends from CPU 0 (its first fork), so the frames
    /// arrive there and the workers run beside it, as on a router whose NIC interrupts one core.</summary>
    public IReadOnlyList<string> Cpus => Pinned
        ? [.. Enumerable.Range(0, Workers).Select(i => $"{Math.Max(0, Environment.ProcessorCount - 1 - i)}")]
        : [];

    public override string ToString() =>
        IsPacket ? $"packet, {Workers} worker{(Workers == 1 ? "" : "s")}{(RealtimePriority > 0 ? ", RT" : "")}{(Pinned ? ", pinned" : "")}" +
                   (IngressDrop ? "" : ", no ingress drop") + (CarryOffloads ? "" : ", offloads off")
                 : Gro ? "kernel, GRO on" : Mode;

    /// <summary>`kernel` or `kernel:gro`, or `packet:N` with `:rt` (SCHED_FIFO), `:pin` (DataPlane.Cpus), `:nodrop`
    /// (DataPlane.IngressDrop false) and/or `:wire` (DataPlane.Offloads off), comma-separated.</summary>
    public static bool TryParseList(string text, out IReadOnlyList<DataPlaneMode> modes)
    {
        var list = new List<DataPlaneMode>();
        modes = list;
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(item, out var mode)) return false;
            list.Add(mode);
        }
        return list.Count > 0;
    }

    private static bool TryParse(string item, out DataPlaneMode mode)
    {
        mode = new DataPlaneMode("kernel", 1);
        var parts = item.Split(':');
        if (parts is ["kernel"]) return true;
        if (parts is ["kernel", "gro"])
        {
            mode = mode with { Gro = true };
            return true;
        }
        if (parts.Length < 2 || parts[0] != "packet" || !int.TryParse(parts[1], out var workers) || workers is < 1 or > 16)
            return false;
        var flags = parts[2..];
        if (flags.Any(f => f is not ("rt" or "pin" or "nodrop" or "wire")) || flags.Distinct().Count() != flags.Length) return false;
        mode = new DataPlaneMode("packet", workers, flags.Contains("rt") ? BenchRealtimePriority : 0, flags.Contains("pin"),
            !flags.Contains("nodrop"), !flags.Contains("wire"));
        return true;
    }
}
