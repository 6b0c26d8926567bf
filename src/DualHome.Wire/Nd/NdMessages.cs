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
    /// <summary>Seconds; 0 = not a default router. RFC 4861 §6.2.1: the writer allows at most 9000
    /// (RFC 8319 would allow up to 65535 per link; DualHome keeps the RFC 4861 limit).</summary>
    public ushort RouterLifetime { get; init; }
    public uint ReachableTimeMs { get; init; }
    public uint RetransTimerMs { get; init; }
    public PhysicalAddress? SourceLinkLayerAddress { get; init; }
    public uint? Mtu { get; init; }
    public IReadOnlyList<PrefixInformation> Prefixes { get; init; } = [];
    public IReadOnlyList<RouteInformation> Routes { get; init; } = [];
    public IReadOnlyList<RecursiveDnsServers> DnsServers { get; init; } = [];
    public IReadOnlyList<DnsSearchList> SearchLists { get; init; } = [];

    /// <summary>Value equality, lists compared element by element (a record compares lists by reference).</summary>
    public bool Equals(RouterAdvertisement? other) =>
        other is not null
        && (CurHopLimit, Managed, OtherConfig, Preference, RouterLifetime, ReachableTimeMs, RetransTimerMs, Mtu)
            == (other.CurHopLimit, other.Managed, other.OtherConfig, other.Preference, other.RouterLifetime,
                other.ReachableTimeMs, other.RetransTimerMs, other.Mtu)
        && Equals(SourceLinkLayerAddress, other.SourceLinkLayerAddress)
        && Prefixes.SequenceEqual(other.Prefixes)
        && Routes.SequenceEqual(other.Routes)
        && DnsServers.SequenceEqual(other.DnsServers)
        && SearchLists.SequenceEqual(other.SearchLists);

    public override int GetHashCode() => HashCode.Combine(
        HashCode.Combine(CurHopLimit, Managed, OtherConfig, Preference, RouterLifetime, ReachableTimeMs, RetransTimerMs, Mtu),
        SourceLinkLayerAddress, Prefixes.Count, Routes.Count, DnsServers.Count, SearchLists.Count);
}

/// <summary>Router Solicitation (type 133), RFC 4861 §4.1.</summary>
public sealed record RouterSolicitation(PhysicalAddress? SourceLinkLayerAddress);

/// <summary>Neighbor Solicitation (type 135), RFC 4861 §4.3.</summary>
public sealed record NeighborSolicitation(IPAddress Target, PhysicalAddress? SourceLinkLayerAddress);

/// <summary>Neighbor Advertisement (type 136), RFC 4861 §4.4.</summary>
public sealed record NeighborAdvertisement(
    bool Router, bool Solicited, bool Override, IPAddress Target, PhysicalAddress? TargetLinkLayerAddress);
