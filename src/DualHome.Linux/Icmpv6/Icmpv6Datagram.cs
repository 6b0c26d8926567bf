using System.Net;

namespace DualHome.Linux.Icmpv6;

/// <summary>
/// Where a received ICMPv6 message came from and how: what a Neighbor Discovery receiver must check
/// before trusting it (RFC 4861 §6.1.1: hop limit 255; an RS source is link-local or unspecified).
/// </summary>
/// <param name="Source">The sender; link-local addresses carry the receiving ifindex as scope id.</param>
/// <param name="Destination">The destination from IPV6_PKTINFO (e.g. ff02::2), or <c>::</c> if absent.</param>
/// <param name="InterfaceIndex">The receiving interface from IPV6_PKTINFO, or 0 if absent.</param>
/// <param name="HopLimit">The IPv6 hop limit on arrival (IPV6_HOPLIMIT), or -1 if absent.</param>
/// <param name="Truncated">The message was longer than the buffer (MSG_TRUNC): drop it.</param>
public readonly record struct Icmpv6Datagram(
    IPAddress Source,
    IPAddress Destination,
    int InterfaceIndex,
    int HopLimit,
    bool Truncated);
