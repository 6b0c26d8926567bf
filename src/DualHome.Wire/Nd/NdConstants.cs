namespace DualHome.Wire.Nd;

/// <summary>Fixed numbers of the Neighbor Discovery wire format, RFC 4861.</summary>
public static class NdConstants
{
    /// <summary>§6.1.1, §6.1.2, §7.1.1, §7.1.2: a valid ND message arrives with IP hop limit 255 (never forwarded).</summary>
    public const byte HopLimit = 255;

    /// <summary>§4.6: option lengths are counted in units of 8 octets.</summary>
    public const int OptionUnit = 8;

    /// <summary>§4.6: every option starts with Type (1) and Length (1).</summary>
    public const int OptionHeaderLength = 2;

    /// <summary>§4.6: the Length field is 8 bits, so an option is at most 255 units.</summary>
    public const int MaxOptionUnits = 255;

    /// <summary>§4.1, §6.1.1: Type, Code, Checksum, Reserved = 8 octets.</summary>
    public const int RouterSolicitationLength = 8;

    /// <summary>§4.2, §6.1.2: the RA header before its options is 16 octets.</summary>
    public const int RouterAdvertisementLength = 16;

    /// <summary>§4.3, §7.1.1: header plus the 16-octet Target Address = 24 octets.</summary>
    public const int NeighborSolicitationLength = 24;

    /// <summary>§4.4, §7.1.2: header plus the 16-octet Target Address = 24 octets.</summary>
    public const int NeighborAdvertisementLength = 24;

    /// <summary>RFC 8200 §3: the fixed IPv6 header that precedes an ND message on the link.</summary>
    public const int Ipv6HeaderLength = 40;

    /// <summary>
    /// RFC 4861 §6.2.1: AdvDefaultLifetime MUST be zero or between MaxRtrAdvInterval and 9000 seconds. RFC 8319 lets a
    /// link raise the ceiling to 65535; DualHome keeps the RFC 4861 limit for every link.
    /// </summary>
    public const ushort MaxRouterLifetime = 9000;

    /// <summary>§6.2.1: AdvReachableTime MUST be no greater than 3,600,000 milliseconds.</summary>
    public const uint MaxReachableTimeMs = 3_600_000;

    /// <summary>RFC 8200 §5: every link has an MTU of at least 1280 octets.</summary>
    public const uint MinLinkMtu = 1280;

    /// <summary>RFC 4861 §4.2 / RFC 4861 §4.6.2: the all-ones lifetime means infinity.</summary>
    public const uint Infinity = 0xffff_ffff;

    /// <summary>Length of the ND header that precedes the options of <paramref name="type"/>, or 0 for a type not handled.</summary>
    public static int HeaderLength(NdType type) => type switch
    {
        NdType.RouterSolicitation => RouterSolicitationLength,
        NdType.RouterAdvertisement => RouterAdvertisementLength,
        NdType.NeighborSolicitation => NeighborSolicitationLength,
        NdType.NeighborAdvertisement => NeighborAdvertisementLength,
        _ => 0,
    };
}
