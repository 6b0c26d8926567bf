namespace DualHome.Wire.Icmpv6;

/// <summary>
/// An ICMPv6 error to originate (RFC 4443 §3): type, code, and the 32-bit field after the checksum (the MTU of a
/// Packet Too Big, zero for the others). A small value type: a forwarding decision carries one without allocating.
/// </summary>
public readonly record struct Icmpv6Error(byte Type, byte Code, uint Parameter)
{
    /// <summary>RFC 4443 §3.1.</summary>
    public const byte DestinationUnreachableType = 1;
    /// <summary>RFC 4443 §3.2.</summary>
    public const byte PacketTooBigType = 2;
    /// <summary>RFC 4443 §3.3.</summary>
    public const byte TimeExceededType = 3;
    /// <summary>RFC 4443 §3.4.</summary>
    public const byte ParameterProblemType = 4;
    /// <summary>RFC 4443 §2.1: error messages have types 0–127, informational 128–255.</summary>
    public const byte FirstInformationalType = 128;
    /// <summary>RFC 4861 §4.5.</summary>
    public const byte RedirectType = 137;

    /// <summary>RFC 4443 §3.1 code 5, "source address failed ingress/egress policy"; RFC 7084 §4.3 L-14 has a CE
    /// router send it for a source in an invalid prefix, so the host retries from another address.</summary>
    public static Icmpv6Error SourceAddressFailedPolicy => new(DestinationUnreachableType, 5, 0);

    /// <summary>RFC 4443 §3.3 code 0, "hop limit exceeded in transit".</summary>
    public static Icmpv6Error HopLimitExceeded => new(TimeExceededType, 0, 0);

    /// <summary>RFC 4443 §3.2: code 0, MTU of the next-hop link.</summary>
    public static Icmpv6Error PacketTooBig(uint mtu) => new(PacketTooBigType, 0, mtu);

    /// <summary>RFC 4443 §2.1: an error type.</summary>
    public static bool IsErrorType(byte type) => type < FirstInformationalType;
}
