using System.Net;
using System.Net.NetworkInformation;

namespace DualHome.Wire.Nd;

/// <summary>ICMPv6 message types of Neighbor Discovery, RFC 4861 §4.</summary>
public enum NdType : byte
{
    RouterSolicitation = 133,
    RouterAdvertisement = 134,
    NeighborSolicitation = 135,
    NeighborAdvertisement = 136,
    Redirect = 137,
}

/// <summary>Router Advertisement (type 134), RFC 4861 §4.2, with RFC 4191 preference and the options the router uses.</summary>
public sealed record RouterAdvertisement
{
    public byte CurHopLimit { get; init; } = 64;
    public bool Managed { get; init; }
    public bool OtherConfig { get; init; }
    public RouterPreference Preference { get; init; } = RouterPreference.Medium;
    /// <summary>Seconds; 0 = not a default router. RFC 8319 §4: at most 9000 (the 16-bit field allows 65535).</summary>
    public ushort RouterLifetime { get; init; }
    public uint ReachableTimeMs { get; init; }
    public uint RetransTimerMs { get; init; }
    public PhysicalAddress? SourceLinkLayerAddress { get; init; }
    public uint? Mtu { get; init; }
    public IReadOnlyList<PrefixInformation> Prefixes { get; init; } = [];
    public IReadOnlyList<RouteInformation> Routes { get; init; } = [];
    public IReadOnlyList<RecursiveDnsServers> DnsServers { get; init; } = [];
    public IReadOnlyList<DnsSearchList> SearchLists { get; init; } = [];
}

/// <summary>Router Solicitation (type 133), RFC 4861 §4.1.</summary>
public sealed record RouterSolicitation(PhysicalAddress? SourceLinkLayerAddress);

/// <summary>Neighbor Solicitation (type 135), RFC 4861 §4.3.</summary>
public sealed record NeighborSolicitation(IPAddress Target, PhysicalAddress? SourceLinkLayerAddress);

/// <summary>Neighbor Advertisement (type 136), RFC 4861 §4.4.</summary>
public sealed record NeighborAdvertisement(
    bool Router, bool Solicited, bool Override, IPAddress Target, PhysicalAddress? TargetLinkLayerAddress);
