namespace DualHome.Linux.Icmpv6;

/// <summary>What recvmsg's control buffer told about one datagram (RFC 3542 §6).</summary>
internal struct ReceivedAncillaryData
{
    /// <summary>IPV6_HOPLIMIT, or -1 when the kernel did not send it.</summary>
    public int HopLimit;

    /// <summary>in6_pktinfo.ipi6_ifindex, or 0 when absent.</summary>
    public int InterfaceIndex;

    /// <summary>in6_pktinfo.ipi6_addr: the destination address of the datagram.</summary>
    public Ipv6Bytes Destination;

    public bool HasPacketInfo;

    public static ReceivedAncillaryData Empty => new() { HopLimit = -1 };
}
