namespace DualHome.Wire.Dns;

/// <summary>
/// The CLASS values of RFC 2136 UPDATE and RFC 8945 TSIG. In an UPDATE the class of a prerequisite or update RR
/// carries its meaning (RFC 2136 §2.4, §2.5), not only the zone's class.
/// </summary>
public enum DnsClass : ushort
{
    /// <summary>RFC 1035 §3.2.4: the Internet; the zone's class (ZCLASS) in every message written here.</summary>
    In = 1,
    /// <summary>RFC 2136 "NONE" (254): RRset/name does not exist (§2.4.3, §2.4.5), delete one RR (§2.5.4).</summary>
    None = 254,
    /// <summary>RFC 1035 §3.2.5 "*": RRset/name exists (§2.4.1, §2.4.4), delete an RRset (§2.5.2); the TSIG RR's class (RFC 8945 §4.2).</summary>
    Any = 255,
}
