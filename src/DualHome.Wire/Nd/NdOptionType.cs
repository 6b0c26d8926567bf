namespace DualHome.Wire.Nd;

/// <summary>ND option types this library reads or writes (IANA "IPv6 Neighbor Discovery Option Formats").</summary>
public enum NdOptionType : byte
{
    /// <summary>RFC 4861 §4.6.1.</summary>
    SourceLinkLayerAddress = 1,
    /// <summary>RFC 4861 §4.6.1.</summary>
    TargetLinkLayerAddress = 2,
    /// <summary>RFC 4861 §4.6.2.</summary>
    PrefixInformation = 3,
    /// <summary>RFC 4861 §4.6.4.</summary>
    Mtu = 5,
    /// <summary>RFC 4191 §2.3.</summary>
    RouteInformation = 24,
    /// <summary>RFC 8106 §5.1.</summary>
    RecursiveDnsServer = 25,
    /// <summary>RFC 8106 §5.2.</summary>
    DnsSearchList = 31,
}
