namespace DualHome.Wire.Ipv6;

/// <summary>Next Header values (IANA "Assigned Internet Protocol Numbers") the data plane looks at.</summary>
public static class IpProtocols
{
    /// <summary>RFC 8200 §4.3.</summary>
    public const byte HopByHopOptions = 0;
    public const byte Tcp = 6;
    public const byte Udp = 17;
    /// <summary>RFC 8200 §4.4.</summary>
    public const byte Routing = 43;
    /// <summary>RFC 8200 §4.5.</summary>
    public const byte Fragment = 44;
    /// <summary>RFC 4303: what follows is encrypted.</summary>
    public const byte EncapsulatingSecurityPayload = 50;
    /// <summary>RFC 4302.</summary>
    public const byte AuthenticationHeader = 51;
    /// <summary>RFC 4443 §1.</summary>
    public const byte Icmpv6 = 58;
    /// <summary>RFC 8200 §4.7.</summary>
    public const byte NoNextHeader = 59;
    /// <summary>RFC 8200 §4.6.</summary>
    public const byte DestinationOptions = 60;
    /// <summary>RFC 6275 §6.1 (Mobility), RFC 7401 §5.1 (HIP), RFC 5533 §5.1 (SHIM6): extension headers in the
    /// RFC 6564 uniform format.</summary>
    public const byte Mobility = 135;
    public const byte Hip = 139;
    public const byte Shim6 = 140;
}
