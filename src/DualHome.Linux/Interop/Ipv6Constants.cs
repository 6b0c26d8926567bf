namespace DualHome.Linux.Interop;

/// <summary>IPv6 and ICMPv6 socket options (linux/in6.h, linux/ipv6.h, RFC 3542 names).</summary>
internal static class Ipv6Constants
{
    public const int IPPROTO_IPV6 = 41;
    public const int IPPROTO_ICMPV6 = 58;

    public const int IPV6_UNICAST_HOPS = 16;
    public const int IPV6_MULTICAST_IF = 17;
    public const int IPV6_MULTICAST_HOPS = 18;
    public const int IPV6_MULTICAST_LOOP = 19;
    /// <summary>IPV6_JOIN_GROUP in RFC 3493 §5.2.</summary>
    public const int IPV6_ADD_MEMBERSHIP = 20;
    public const int IPV6_RECVPKTINFO = 49;
    /// <summary>Ancillary data type of in6_pktinfo (RFC 3542 §6.1).</summary>
    public const int IPV6_PKTINFO = 50;
    public const int IPV6_RECVHOPLIMIT = 51;
    /// <summary>Ancillary data type of the received hop limit, an int (RFC 3542 §6.3).</summary>
    public const int IPV6_HOPLIMIT = 52;

    /// <summary>Option at level IPPROTO_ICMPV6 (RFC 3542 §3.2).</summary>
    public const int ICMP6_FILTER = 1;
}
