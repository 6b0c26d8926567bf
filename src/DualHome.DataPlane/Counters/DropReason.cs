namespace DualHome.DataPlane.Counters;

/// <summary>
/// Why the data plane did not forward a frame. Every frame it does not forward or leave to the kernel gets exactly
/// one reason. Values are stable: counters and logs key on them (see <see cref="DropReasonNames"/>).
/// </summary>
public enum DropReason : byte
{
    None = 0,

    // Malformed: the frame is refused before any routing decision.
    /// <summary>Shorter than the 14-byte Ethernet header.</summary>
    TooShortForEthernet = 1,
    /// <summary>IEEE 802.1Q/802.1ad tagged: the daemon owns untagged ports; VLAN sub-interfaces are the kernel's.</summary>
    VlanTagged = 2,
    /// <summary>EtherType is not 0x86dd (RFC 2464 §3): IPv4, ARP and the rest are the kernel's.</summary>
    NotIpv6 = 3,
    /// <summary>Shorter than the 40-byte IPv6 header (RFC 8200 §3).</summary>
    TooShortForIpv6 = 4,
    /// <summary>IPv6 Version field is not 6 (RFC 8200 §3).</summary>
    BadVersion = 5,
    /// <summary>Payload Length exceeds the frame (RFC 8200 §3).</summary>
    PayloadLengthTooLong = 6,
    /// <summary>Bytes after the payload that are not minimum-frame padding (RFC 8200 §3, RFC 2464 §3).</summary>
    PayloadLengthTooShort = 7,

    // Addressing.
    /// <summary>Unicast to another station's MAC (a flooded or promiscuously received frame): not ours to forward.</summary>
    OtherHost = 8,
    /// <summary>A source or destination no router may forward: unspecified source (RFC 4291 §2.5.2), loopback
    /// (§2.5.3), multicast source (§2.7).</summary>
    Martian = 9,
    /// <summary>No route: from an uplink, a destination on no LAN prefix; from the LAN, a destination inside a
    /// delegated prefix but on no LAN prefix (RFC 7084 §4.2 WPD-5, RFC 4632 §5.1: discard, never loop it back out).</summary>
    NoRoute = 10,

    // Policy (answered with ICMPv6 Destination Unreachable code 5, RFC 4443 §3.1, RFC 7084 §4.3 L-14).
    /// <summary>Source in no site prefix: BCP 38 (RFC 2827) ingress filtering, never forwarded.</summary>
    SourceNotInSite = 11,
    /// <summary>Source in a prefix whose uplink is down: the host should retry from another address.</summary>
    UplinkDown = 12,

    // Answered with other ICMPv6 errors.
    /// <summary>Hop limit ≤ 1: forwarding would take it to 0 (RFC 8200 §3; Time Exceeded, RFC 4443 §3.3).</summary>
    HopLimitExceeded = 13,
    /// <summary>Larger than the egress MTU; routers do not fragment (RFC 8200 §5; Packet Too Big, RFC 4443 §3.2).</summary>
    TooBig = 14,

    // Egress.
    /// <summary>The next hop's link-layer address was not resolved in time, or its pending queue overflowed.</summary>
    NoNeighbor = 15,
    /// <summary>The transmit ring was full (counted by the packet I/O layer).</summary>
    RingFull = 16,
    /// <summary>The kernel found the receive ring full and dropped the frame before the forwarder saw it (the
    /// socket's tp_drops, PACKET_STATISTICS): the worker fell behind.</summary>
    ReceiveRingFull = 17,

    // Peers (issue 10).
    /// <summary>Source in a dead peer exit router's prefix: answered with code 5 so the host retries from another
    /// address, as for an own dead uplink.</summary>
    PeerDown = 18,
    /// <summary>Source in a peer's prefix, but the frame came from a peer: never sent to a peer again (no ping-pong
    /// between two routers that each believe the other forwards a prefix).</summary>
    PeerLoop = 19,
}

/// <summary>The number of <see cref="DropReason"/> values, for counter arrays.</summary>
public static class DropReasons
{
    public const int Count = (int)DropReason.PeerLoop + 1;
}
