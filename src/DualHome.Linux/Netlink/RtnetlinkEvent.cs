using System.Net;
using System.Net.NetworkInformation;

namespace DualHome.Linux.Netlink;

/// <summary>One notification read by <see cref="RtnetlinkEvents"/>.</summary>
public abstract record RtnetlinkEvent;

/// <summary>RTM_NEWLINK / RTM_DELLINK: an interface appeared, changed or went away (rtnetlink(7)).</summary>
/// <param name="HasCarrier">IFF_LOWER_UP: the driver signals carrier; false when <paramref name="Deleted"/>.</param>
/// <param name="IsUp">IFF_UP: administratively up.</param>
public sealed record LinkEvent(int InterfaceIndex, string Name, bool HasCarrier, bool IsUp, bool Deleted) : RtnetlinkEvent;

/// <summary>RTM_NEWNEIGH / RTM_DELNEIGH of an IPv6 neighbour cache entry. A link-local <paramref name="Address"/>
/// carries <paramref name="InterfaceIndex"/> as its scope id.</summary>
/// <param name="LinkLayerAddress">NDA_LLADDR; <see cref="PhysicalAddress.None"/> while unresolved or failed.</param>
/// <param name="RequestedBy">nlmsg_pid: the netlink port whose request made the change (<c>ip neigh …</c>, an
/// RTM_DELNEIGH, which the kernel reports as FAILED before the removal), or 0 when the kernel's own neighbour
/// unreachability detection did. Only a FAILED with 0 is an observation that the neighbour stopped answering.</param>
public sealed record NeighborEvent(
    int InterfaceIndex, IPAddress Address, NeighborState State, PhysicalAddress LinkLayerAddress, bool Deleted,
    uint RequestedBy = 0)
    : RtnetlinkEvent;

/// <summary>RTM_NEWADDR / RTM_DELADDR of an IPv6 address (RTNLGRP_IPV6_IFADDR, <see cref="RtnetlinkEvents.OpenAddresses"/>).</summary>
public sealed record AddressEvent(InterfaceAddress Address, bool Deleted) : RtnetlinkEvent;

/// <summary>
/// The kernel dropped notifications because the socket's receive buffer was full (recv failed with ENOBUFS,
/// netlink(7)). Whatever state the caller tracks from events may be stale: read it again.
/// </summary>
public sealed record ResyncNeeded : RtnetlinkEvent
{
    public static readonly ResyncNeeded Instance = new();
}
