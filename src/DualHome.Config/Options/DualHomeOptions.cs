namespace DualHome.Config.Options;

/// <summary>The whole configuration file, as bound from JSON. Defaults here are the documented defaults (README).</summary>
public sealed class DualHomeOptions
{
    public LanOptions Lan { get; set; } = new();
    public List<UplinkOptions> Uplinks { get; set; } = [];
    public DataPlaneOptions DataPlane { get; set; } = new();
    public ControlOptions Control { get; set; } = new();
    public LogOptions Log { get; set; } = new();
    public StateOptions State { get; set; } = new();
    public BoardOptions Board { get; set; } = new();
    public DnsOptions Dns { get; set; } = new();
    public PeersOptions Peers { get; set; } = new();
}

/// <summary>The board profile (LEDs, button): a name under board/, a path to a board.json, or "none".</summary>
public sealed class BoardOptions
{
    public string Profile { get; set; } = "none";
    /// <summary>Where the kernel LED class is; unset = the profile's, else /sys/class/leds.</summary>
    public string? LedClassRoot { get; set; }
}

public sealed class DataPlaneOptions
{
    /// <summary>"kernel": the kernel forwards, steered by source-specific routes.</summary>
    /// <summary>"kernel": the kernel forwards, steered by source-specific routes; "packet": the daemon forwards
    /// with AF_PACKET rings (kernel forwarding off).</summary>
    public string Mode { get; set; } = "kernel";
    /// <summary>Packet mode: forwarding threads, sharing each port by PACKET_FANOUT hash (one flow stays on one).</summary>
    public int Workers { get; set; } = 1;
    /// <summary>Packet mode: SCHED_FIFO priority of the forwarding threads, 1–99; 0 = ordinary scheduling.</summary>
    public int RealtimePriority { get; set; }
    /// <summary>Packet mode: receive-ring slots (2 KiB each) per port and worker: how long a worker may fall behind.</summary>
    public int RingFrames { get; set; } = DataPlaneConfig.DefaultRingFrames;
    /// <summary>Packet mode: while frames flow, a worker sleeps this long between passes instead of being woken per
    /// frame (like a NIC's rx-usecs); 0 = woken per frame.</summary>
    public int CoalesceMicroseconds { get; set; } = DataPlaneConfig.DefaultCoalesceMicroseconds;
    /// <summary>Packet mode: CPU numbers the workers are pinned to, worker i to the i-th (round robin); empty = any.</summary>
    public List<string> Cpus { get; set; } = [];
    /// <summary>Packet mode: drop the frames the workers forward at tc ingress (after their tap), so the kernel does
    /// not run its IPv6 input on them too.</summary>
    public bool IngressDrop { get; set; } = true;
    /// <summary>Packet mode: "carry" keeps the ports' offloads, GRO switched on, and passes GSO super-frames and
    /// pending checksums through the workers (PACKET_VNET_HDR); "off" switches them off (every frame a wire frame).</summary>
    public string Offloads { get; set; } = DataPlaneConfig.CarryOffloads;
}

public sealed class ControlOptions
{
    public string Socket { get; set; } = "/run/dualhomed.sock";
}

public sealed class LogOptions
{
    public string Path { get; set; } = "/var/log/dualhomed/dualhomed.log";
    public string Level { get; set; } = "Information";
    /// <summary>Flash is small: one file is capped, and so is the number kept.</summary>
    public int MaxFileBytes { get; set; } = 1024 * 1024;
    public int MaxFiles { get; set; } = 4;
}

public sealed class StateOptions
{
    public string Directory { get; set; } = "/var/lib/dualhome";
}

/// <summary>Other exit routers on the LAN (issue 10): "off" (default) or "auto" (learn them from their RAs).</summary>
public sealed class PeersOptions
{
    public string Mode { get; set; } = "off";
    /// <summary>How often this router tells its peers it is alive (UDP to ff02::2); the uplink probe cadence.</summary>
    public int HeartbeatIntervalMs { get; set; } = 100;
    /// <summary>A peer is dead after this many of its intervals without a heartbeat.</summary>
    public int DeadAfter { get; set; } = 3;
    /// <summary>The heartbeat's UDP port (dynamic range, RFC 6335 §6: no assignment needed on one link).</summary>
    public int Port { get; set; } = 49380;
}
