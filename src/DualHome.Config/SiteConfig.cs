using System.Net;

namespace DualHome.Config;

/// <summary>The validated, typed configuration the daemon runs on. Built only by <see cref="ConfigValidator"/>.</summary>
public sealed record SiteConfig(
    LanConfig Lan,
    IReadOnlyList<UplinkConfig> Uplinks,
    DataPlaneConfig DataPlane,
    string ControlSocket,
    LogConfig Log,
    string StateDirectory,
    BoardConfig Board,
    DnsConfig Dns,
    PeersConfig? Peers = null)
{
    /// <summary>Issue 10: learn the other exit routers on the LAN from their RAs.</summary>
    public bool LearnsPeers => Peers?.Mode == "auto";

    /// <summary>The peers section with its defaults when the configuration was built without one.</summary>
    public PeersConfig PeersOrDefault => Peers ?? PeersConfig.Off;
}

/// <summary>"Peers": { "Mode": "off" | "auto", heartbeat cadence and port }. A peer is dead after
/// <see cref="DeadAfter"/> heartbeat intervals without one (its own announced interval).</summary>
public sealed record PeersConfig(string Mode, TimeSpan HeartbeatInterval, int DeadAfter, int Port)
{
    public static readonly PeersConfig Off = new("off", TimeSpan.FromMilliseconds(100), 3, 49380);
}

/// <summary>Who forwards: "kernel" (source-specific routes) or "packet" (the daemon's AF_PACKET workers).</summary>
public sealed record DataPlaneConfig(string Mode, int Workers, int RealtimePriority = 0,
    int RingFrames = DataPlaneConfig.DefaultRingFrames, int CoalesceMicroseconds = DataPlaneConfig.DefaultCoalesceMicroseconds,
    IReadOnlyList<int>? Cpus = null, bool IngressDrop = true, string Offloads = DataPlaneConfig.CarryOffloads)
{
    /// <summary>Offloads stay on (GRO included) and their metadata rides PACKET_VNET_HDR through the workers.</summary>
    public const string CarryOffloads = "carry";
    /// <summary>GRO, GSO, TSO and tx-checksumming off on the owned ports: every frame a wire frame.</summary>
    public const string OffloadsOff = "off";

    /// <summary>sched_setaffinity(2) takes CPU numbers below CPU_SETSIZE (1024).</summary>
    public const int MaxCpu = 1023;

    /// <summary>README "Packet mode": 16 MiB per port and worker; the bench lost frames at 163 / 263 / 369+ kpps with
    /// 2048 / 4096 / 8192 slots.</summary>
    public const int DefaultRingFrames = 8192;
    public const int MinRingFrames = 512;
    public const int MaxRingFrames = 65536;
    /// <summary>Slots per 16 KiB kernel block (RingLayout): the ring is a whole number of blocks.</summary>
    public const int RingFramesMultiple = 8;
    public const int DefaultCoalesceMicroseconds = 50;
    public const int MaxCoalesceMicroseconds = 1000;

    public bool IsPacket => Mode == "packet";

    public bool CarriesOffloads => Offloads == CarryOffloads;

    public TimeSpan Coalesce => TimeSpan.FromMicroseconds(CoalesceMicroseconds);

    /// <summary>The CPU worker <paramref name="worker"/> is pinned to, or null (Cpus empty: wherever the kernel puts it).</summary>
    public int? CpuOf(int worker) => Cpus is { Count: > 0 } cpus ? cpus[worker % cpus.Count] : null;

    // Records compare lists by reference; two configs with the same CPUs are the same config.
    public bool Equals(DataPlaneConfig? other) =>
        other is not null && Mode == other.Mode && Workers == other.Workers && RealtimePriority == other.RealtimePriority
        && RingFrames == other.RingFrames && CoalesceMicroseconds == other.CoalesceMicroseconds
        && (Cpus ?? []).SequenceEqual(other.Cpus ?? []) && IngressDrop == other.IngressDrop
        && Offloads == other.Offloads;

    public override int GetHashCode() => HashCode.Combine(Mode, Workers, RealtimePriority, RingFrames, CoalesceMicroseconds, (Cpus ?? []).Count);
}

public sealed record BoardConfig(string Profile, string? LedClassRoot);

public sealed record LanConfig(string Interface, IReadOnlyList<IPAddress> Dns, IReadOnlyList<string> Domains, RaConfig Ra);

public enum RaPreference { Low, Medium, High }

public sealed record RaConfig(
    TimeSpan MinInterval,
    TimeSpan MaxInterval,
    ushort RouterLifetimeSeconds,
    uint PreferredLifetimeSeconds,
    uint ValidLifetimeSeconds,
    byte HopLimit,
    int? Mtu,
    RaPreference Preference);

/// <summary>One uplink. <see cref="LanPrefix"/> is the LAN /64: configured, or (with <see cref="Delegation"/>) the one
/// taken from the ISP's current delegation, null while there is none. <see cref="Gateway"/> is configured, or (with
/// <see cref="LearnsGateway"/>) the ISP router heard in Router Advertisements, null while none is. Without either
/// the uplink is down.</summary>
public sealed record UplinkConfig(
    string Name,
    string Interface,
    IPAddress? Gateway,
    IPNetwork? LanPrefix,
    IReadOnlyList<IPAddress> Dns,
    ProbeConfig Probe,
    PrefixDelegationConfig? Delegation = null,
    bool LearnsGateway = false)
{
    /// <summary>True when the prefix comes from DHCPv6 prefix delegation (issue 8).</summary>
    public bool IsDelegated => Delegation is not null;
}

/// <summary>"LanPrefix": "dhcpv6-pd": the LAN /64 is subnet <see cref="SubnetId"/> of the prefix the ISP delegates.</summary>
public sealed record PrefixDelegationConfig(ulong SubnetId, byte? PrefixLengthHint);

public sealed record ProbeConfig(IReadOnlyList<IPAddress> Targets, TimeSpan Interval, int DownAfter, int UpAfter);

public sealed record LogConfig(string Path, string Level, int MaxFileBytes, int MaxFiles);
