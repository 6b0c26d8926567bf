namespace DualHome.Wire.Icmpv6;

/// <summary>
/// Why no ICMPv6 error is built for an invoking frame (RFC 4443 §2.4 e), or why it cannot be built.
/// Values are stable: counters key on them.
/// </summary>
public enum Icmpv6ErrorRefusal : byte
{
    None = 0,
    /// <summary>The invoking frame is not a well-formed IPv6-over-Ethernet frame.</summary>
    Malformed = 1,
    /// <summary>§2.4 (e.1): the invoking packet is itself an ICMPv6 error message.</summary>
    InvokingIsError = 2,
    /// <summary>§2.4 (e.2): the invoking packet is an ICMPv6 Redirect.</summary>
    InvokingIsRedirect = 3,
    /// <summary>ICMPv6 whose type cannot be read (truncated extension headers, a non-first fragment, or no type
    /// octet): it may be an error message, so §2.4 (e.1) is honoured by not answering.</summary>
    UndeterminedIcmpv6Type = 4,
    /// <summary>§2.4 (e.3): destined to an IPv6 multicast address (Packet Too Big excepted).</summary>
    MulticastDestination = 5,
    /// <summary>§2.4 (e.4), (e.5): sent as a link-layer multicast or broadcast (Packet Too Big excepted).</summary>
    LinkLayerMulticast = 6,
    /// <summary>§2.4 (e.6): the source does not identify a single node (unspecified, multicast; loopback, which
    /// RFC 4291 §2.5.3 keeps off the wire).</summary>
    SourceNotUnique = 7,
    /// <summary>The router's own address given for the error's source is not a 16-byte unicast address.</summary>
    BadRouterAddress = 8,
    /// <summary>The output buffer cannot hold the frame (<see cref="Icmpv6ErrorBuilder.MaxFrameLength"/> always can).</summary>
    BufferTooSmall = 9,
}
